/* The library sample: zlib as this toolchain compiles it, all of it (the build links the whole
 * archive), with a small round trip so the program is real. Indexed with --library, so that code
 * shared with it is discounted in every score. */
#include <stdio.h>
#include <string.h>

#include <zlib.h>

int main(void)
{
    static const char text[] = "zlib library sample: zlib library sample: zlib library sample.";
    unsigned char z[256], back[256];
    uLongf zl = sizeof(z), bl = sizeof(back);
    if (compress2(z, &zl, (const Bytef *)text, sizeof(text), 9) != Z_OK ||
        uncompress(back, &bl, z, zl) != Z_OK || bl != sizeof(text) || memcmp(back, text, bl))
        return 1;
    printf("zlib %s: %lu -> %lu bytes, crc32 %08lx adler32 %08lx\n", zlibVersion(),
           (unsigned long)sizeof(text), (unsigned long)zl, crc32(0L, back, (uInt)bl),
           adler32(1L, back, (uInt)bl));
    return 0;
}
