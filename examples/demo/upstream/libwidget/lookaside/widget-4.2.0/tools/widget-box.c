/* widget-box: draws a box around the lines it reads. Written for Keel's examples. */
#include <stdlib.h>
#include <string.h>

#include <widget/widget.h>

int main(int argc, char **argv)
{
    char *lines[64];
    char buffer[256];
    size_t n = 0;
    while (n < 64 && fgets(buffer, sizeof buffer, stdin) != NULL) {
        buffer[strcspn(buffer, "\n")] = '\0';
        lines[n++] = strdup(buffer);
    }
    int status = widget_box(stdout, argc > 1 ? argv[1] : NULL, (const char *const *) lines, n);
    for (size_t i = 0; i < n; i++) {
        free(lines[i]);
    }
    return status == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
