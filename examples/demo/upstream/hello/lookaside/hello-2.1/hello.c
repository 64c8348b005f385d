/* hello: prints a friendly greeting. Written for Keel's examples. */
#include <stdio.h>

static const char *greeting = "Helo";

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "world";
    printf("%s, %s!\n", greeting, name);
    return 0;
}
