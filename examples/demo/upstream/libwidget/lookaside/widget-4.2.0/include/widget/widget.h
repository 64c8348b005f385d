/* widget: a small library that draws text widgets. Written for Keel's examples. */
#ifndef WIDGET_WIDGET_H
#define WIDGET_WIDGET_H

#include <stddef.h>
#include <stdio.h>

#define WIDGET_VERSION_MAJOR 4

/* The library's version, e.g. "4.2.0". */
const char *widget_version(void);

/* Draws a box around the n lines, with the title in its top border. Returns 0, or -1 on an
   output error. */
int widget_box(FILE *out, const char *title, const char *const *lines, size_t n);

/* Draws a bar of the given width, filled to percent (0 to 100). Returns 0, or -1 on an output
   error or a percent above 100. */
int widget_bar(FILE *out, unsigned percent, unsigned width);

#endif
