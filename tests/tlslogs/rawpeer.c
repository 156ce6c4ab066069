// SPDX-License-Identifier: GPL-3.0-or-later
// A misbehaving TLS "server" for the failures openssl s_server will not produce: it accepts one
// connection on 127.0.0.1, reads the ClientHello and then, by mode,
//   close    : closes the TCP connection (the device sees f_recv return 0, -0x7280)
//   reset    : aborts the connection with a TCP RST (-0x0050 NET_CONN_RESET)
//   silent   : never answers (the client's read timeout fires, -0x6800)
//   oversize : sends a handshake record header announcing 18432 bytes, more than any
//              mbedTLS input buffer holds (a server ignoring max_fragment_length)
// It prints the port it listens on as the first line of stdout.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int readClientHello(int fd)
{
    unsigned char header[5];
    size_t got = 0;
    while (got < sizeof(header)) {
        const ssize_t n = recv(fd, header + got, sizeof(header) - got, 0);
        if (n <= 0)
            return -1;
        got += (size_t)n;
    }
    size_t remaining = ((size_t)header[3] << 8) | header[4];
    unsigned char buf[4096];
    while (remaining > 0) {
        const ssize_t n = recv(fd, buf, remaining < sizeof(buf) ? remaining : sizeof(buf), 0);
        if (n <= 0)
            return -1;
        remaining -= (size_t)n;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: rawpeer close|reset|silent|oversize [seconds-for-silent]\n");
        return 64;
    }
    const char *mode = argv[1];
    const int silentSeconds = argc > 2 ? atoi(argv[2]) : 5;
    const int listener = socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(listener, 1) != 0) {
        perror("rawpeer: bind/listen");
        return 1;
    }
    socklen_t len = sizeof(addr);
    getsockname(listener, (struct sockaddr *)&addr, &len);
    printf("%d\n", ntohs(addr.sin_port));
    fflush(stdout);

    const int fd = accept(listener, NULL, NULL);
    if (fd < 0) {
        perror("rawpeer: accept");
        return 1;
    }
    if (readClientHello(fd) != 0) {
        fprintf(stderr, "rawpeer: no ClientHello\n");
        close(fd);
        return 1;
    }
    if (!strcmp(mode, "reset")) {
        struct linger lin = {1, 0};
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &lin, sizeof(lin));
    } else if (!strcmp(mode, "silent")) {
        sleep((unsigned)silentSeconds);
    } else if (!strcmp(mode, "oversize")) {
        unsigned char record[5 + 1024] = {0x16, 0x03, 0x03, 0x48, 0x00};
        memset(record + 5, 0x02, 1024);
        if (send(fd, record, sizeof(record), 0) < 0)
            perror("rawpeer: send");
        sleep(1);
    }
    close(fd);
    close(listener);
    return 0;
}
