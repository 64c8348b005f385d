/* notice: turns a text file into a boxed notice. Written for Keel's examples. */
#include <stdlib.h>
#include <string.h>

#include <widget/widget.h>

#define MAX_LINES 64

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("notice 1.3 (widget %s)\n", widget_version());
        return EXIT_SUCCESS;
    }
    FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;
    if (in == NULL) {
        perror(argv[1]);
        return EXIT_FAILURE;
    }
    char *title = NULL;
    char *lines[MAX_LINES];
    size_t n = 0;
    char buffer[256];
    while (n < MAX_LINES && fgets(buffer, sizeof buffer, in) != NULL) {
        buffer[strcspn(buffer, "\n")] = '\0';
        if (title == NULL) {
            title = strdup(buffer);
        } else {
            lines[n++] = strdup(buffer);
        }
    }
    int status = widget_box(stdout, title, (const char *const *) lines, n);
    while (n > 0) {
        free(lines[--n]);
    }
    free(title);
    return status == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
