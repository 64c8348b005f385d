/* The library's tests. Written for Keel's examples. */
#include <stdlib.h>
#include <string.h>

#include <widget/widget.h>

static int failures;

static void expect(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "FAIL %s:\n%s---- want:\n%s", what, got, want);
        failures++;
    }
}

static const char *drawn(int (*draw)(FILE *), char *buffer, size_t size)
{
    FILE *out = fmemopen(buffer, size, "w");
    if (out == NULL || draw(out) != 0) {
        return "(error)";
    }
    fclose(out);
    return buffer;
}

static int box(FILE *out)
{
    const char *lines[] = {"one", "three"};
    return widget_box(out, "T", lines, 2);
}

static int bar(FILE *out)
{
    return widget_bar(out, 50, 10);
}

int main(void)
{
    char buffer[512];
    expect("version", widget_version(), "4.2.0");
    expect("box", drawn(box, buffer, sizeof buffer), "+- T ---+\n| one   |\n| three |\n+-------+\n");
    expect("bar", drawn(bar, buffer, sizeof buffer), "[#####.....]  50%\n");
    if (widget_bar(stdout, 101, 10) != -1) {
        fputs("FAIL bar above 100%\n", stderr);
        failures++;
    }
    printf("%s\n", failures == 0 ? "PASS" : "FAIL");
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
