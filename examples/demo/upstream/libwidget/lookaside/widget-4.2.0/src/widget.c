/* widget: a small library that draws text widgets. Written for Keel's examples. */
#include <string.h>

#include "widget/widget.h"

typedef int bool;
enum { false, true };

static bool rule(FILE *out, const char *title, size_t width)
{
    size_t used = 0;
    fputs("+-", out);
    if (title != NULL && *title != '\0') {
        used = strlen(title) + 2;
        fprintf(out, " %s ", title);
    }
    for (; used < width + 1; used++) {
        fputc('-', out);
    }
    return fputs("+\n", out) != EOF;
}

const char *widget_version(void)
{
    return "4.2.0";
}

int widget_box(FILE *out, const char *title, const char *const *lines, size_t n)
{
    size_t width = title != NULL ? strlen(title) + 1 : 0;
    for (size_t i = 0; i < n; i++) {
        if (strlen(lines[i]) > width) {
            width = strlen(lines[i]);
        }
    }
    bool ok = rule(out, title, width);
    for (size_t i = 0; i < n; i++) {
        ok = ok && fprintf(out, "| %-*s |\n", (int) width, lines[i]) > 0;
    }
    ok = ok && rule(out, NULL, width);
    return ok ? 0 : -1;
}

int widget_bar(FILE *out, unsigned percent, unsigned width)
{
    if (percent > 100) {
        return -1;
    }
    unsigned filled = percent * width / 100;
    fputc('[', out);
    for (unsigned i = 0; i < width; i++) {
        fputc(i < filled ? '#' : '.', out);
    }
    return fprintf(out, "] %3u%%\n", percent) > 0 ? 0 : -1;
}
