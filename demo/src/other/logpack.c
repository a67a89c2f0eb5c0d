/* logpack: an ordinary log-archiving utility, by nobody in particular. It links zlib and the C
 * runtime and nothing else: whatever it shares with the malware in the index is library code.
 *
 *   logpack [-l LEVEL] [-o OUT.gz] FILE...   keep lines at LEVEL or above, gzip them into OUT.gz
 *   logpack -t FILE.gz                       test an archive (crc and size)
 *   logpack -r BASE N                        rotate BASE.1.gz .. BASE.N.gz */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

enum level { L_DEBUG, L_INFO, L_WARN, L_ERROR, L_FATAL };

struct stats {
    unsigned long lines_in, lines_kept, bytes_in, bytes_out;
    unsigned long per_level[5];
};

static int level_of(const char *line)
{
    static const char *names[] = {"DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    const char *p = strchr(line, '[');
    if (!p)
        return L_INFO;
    for (int i = 0; i < 5; i++) {
        size_t n = strlen(names[i]);
        if (!strncmp(p + 1, names[i], n) && p[1 + n] == ']')
            return i;
    }
    return L_INFO;
}

static int parse_level(const char *s)
{
    if (!strcmp(s, "debug")) return L_DEBUG;
    if (!strcmp(s, "info")) return L_INFO;
    if (!strcmp(s, "warn")) return L_WARN;
    if (!strcmp(s, "error")) return L_ERROR;
    if (!strcmp(s, "fatal")) return L_FATAL;
    return -1;
}

struct gzout {
    FILE *f;
    z_stream zs;
    unsigned char buf[16384];
};

static int gz_open(struct gzout *g, const char *path)
{
    memset(&g->zs, 0, sizeof(g->zs));
    if (deflateInit2(&g->zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    g->f = fopen(path, "wb");
    return g->f ? 0 : -1;
}

static int gz_write(struct gzout *g, const void *p, size_t n, int flush, struct stats *st)
{
    g->zs.next_in = (Bytef *)p;
    g->zs.avail_in = (uInt)n;
    do {
        g->zs.next_out = g->buf;
        g->zs.avail_out = sizeof(g->buf);
        int r = deflate(&g->zs, flush);
        if (r == Z_STREAM_ERROR)
            return -1;
        size_t have = sizeof(g->buf) - g->zs.avail_out;
        if (have && fwrite(g->buf, 1, have, g->f) != have)
            return -1;
        st->bytes_out += have;
    } while (g->zs.avail_out == 0);
    return 0;
}

static int gz_close(struct gzout *g, struct stats *st)
{
    int r = gz_write(g, "", 0, Z_FINISH, st);
    deflateEnd(&g->zs);
    if (fclose(g->f) != 0)
        r = -1;
    return r;
}

static int pack_file(const char *path, int min_level, struct gzout *g, struct stats *st)
{
    char line[4096];
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    while (fgets(line, sizeof(line), f)) {
        size_t n = strlen(line);
        int lv = level_of(line);
        st->lines_in++;
        st->bytes_in += n;
        st->per_level[lv]++;
        if (lv < min_level)
            continue;
        st->lines_kept++;
        if (gz_write(g, line, n, Z_NO_FLUSH, st) < 0) {
            fclose(f);
            return -1;
        }
    }
    fclose(f);
    return 0;
}

static int test_archive(const char *path)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return -1;
    unsigned char buf[16384];
    unsigned long crc = crc32(0L, Z_NULL, 0), total = 0;
    int n;
    while ((n = gzread(gz, buf, sizeof(buf))) > 0) {
        crc = crc32(crc, buf, (uInt)n);
        total += (unsigned long)n;
    }
    int err;
    const char *msg = gzerror(gz, &err);
    gzclose(gz);
    if (n < 0) {
        fprintf(stderr, "%s: %s\n", path, msg);
        return -1;
    }
    printf("%s: ok, %lu bytes, crc32 %08lx\n", path, total, crc);
    return 0;
}

static int rotate(const char *base, int keep)
{
    char from[512], to[512];
    for (int i = keep - 1; i >= 1; i--) {
        snprintf(from, sizeof(from), "%s.%d.gz", base, i);
        snprintf(to, sizeof(to), "%s.%d.gz", base, i + 1);
        if (rename(from, to) != 0)
            continue;
        printf("%s -> %s\n", from, to);
    }
    return 0;
}

static void report(const struct stats *st, const char *out)
{
    static const char *names[] = {"debug", "info", "warn", "error", "fatal"};
    printf("%s: %lu of %lu lines kept, %lu -> %lu bytes (%.1f%%)\n", out, st->lines_kept, st->lines_in,
           st->bytes_in, st->bytes_out, st->bytes_in ? 100.0 * st->bytes_out / st->bytes_in : 0.0);
    for (int i = 0; i < 5; i++)
        if (st->per_level[i])
            printf("  %-5s %lu\n", names[i], st->per_level[i]);
}

int main(int argc, char **argv)
{
    const char *out = "logs.gz";
    int min_level = L_INFO, i = 1;
    if (argc > 2 && !strcmp(argv[1], "-t"))
        return test_archive(argv[2]) ? 1 : 0;
    if (argc > 3 && !strcmp(argv[1], "-r"))
        return rotate(argv[2], atoi(argv[3]));
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-l") && i + 1 < argc) {
            if ((min_level = parse_level(argv[++i])) < 0)
                return 2;
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            out = argv[++i];
        } else {
            fprintf(stderr, "usage: logpack [-l LEVEL] [-o OUT.gz] FILE...\n");
            return 2;
        }
    }
    if (i == argc) {
        printf("logpack %s (zlib %s): nothing to do\n", "1.4", zlibVersion());
        return 0;
    }
    static struct gzout g;
    struct stats st = {0};
    if (gz_open(&g, out) < 0)
        return 1;
    for (; i < argc; i++)
        pack_file(argv[i], min_level, &g, &st);
    if (gz_close(&g, &st) < 0)
        return 1;
    report(&st, out);
    return 0;
}
