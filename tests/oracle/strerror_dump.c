/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Oracle helper: reads one integer error code per line on stdin and prints
 * "<code>\t<mbedtls_strerror text>" using the real libmbedcrypto/libmbedx509/libmbedtls. */
#include <mbedtls/error.h>
#include <mbedtls/version.h>

#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char line[64];
    char text[512];
    printf("#\t%s\n", MBEDTLS_VERSION_STRING);
    while (fgets(line, sizeof line, stdin) != NULL) {
        char *end = NULL;
        const long code = strtol(line, &end, 0);
        if (end == line)
            continue;
        mbedtls_strerror((int)code, text, sizeof text);
        printf("%ld\t%s\n", code, text);
    }
    return 0;
}
