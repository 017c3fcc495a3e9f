// See include/copenssl.h. Blocking I/O on a socket whose SO_RCVTIMEO/SO_SNDTIMEO bound every
// call: a timeout surfaces as SSL_ERROR_WANT_READ/WANT_WRITE, which is reported as such.
#include "copenssl.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

static void put(char *err, size_t errlen, const char *text) {
    if (err && errlen) snprintf(err, errlen, "%s", text);
}

/// The reason of the oldest queued OpenSSL error (e.g. "certificate verify failed"); clears the queue.
static unsigned long take_error(char *err, size_t errlen, const char *fallback) {
    unsigned long code = ERR_get_error();
    unsigned long last = code;
    while (last != 0) {
        unsigned long next = ERR_get_error();
        if (next == 0) break;
        last = next;
    }
    if (code != 0) {
        const char *reason = ERR_reason_error_string(code);
        put(err, errlen, reason ? reason : fallback);
    } else {
        put(err, errlen, fallback);
    }
    return code;
}

static copenssl_outcome classify(unsigned long code) {
    if (code == 0) return COPENSSL_OTHER;
    if (ERR_GET_LIB(code) != ERR_LIB_SSL) return COPENSSL_OTHER;
    switch (ERR_GET_REASON(code)) {
    case SSL_R_WRONG_VERSION_NUMBER:
    case SSL_R_PACKET_LENGTH_TOO_LONG:
    case SSL_R_UNKNOWN_PROTOCOL:
    case SSL_R_HTTP_REQUEST:
        return COPENSSL_NOT_TLS;
    case SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED:
    case SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE:
    case SSL_R_SSLV3_ALERT_BAD_CERTIFICATE:
    case SSL_R_TLSV1_ALERT_UNKNOWN_CA:
        return COPENSSL_CERT_REQUIRED;
    case SSL_R_CERTIFICATE_VERIFY_FAILED:
        return COPENSSL_VERIFY_FAILED;
    case SSL_R_UNEXPECTED_EOF_WHILE_READING:
        return COPENSSL_CLOSED;
    default:
        return COPENSSL_OTHER;
    }
}

/// Turns a failed SSL_* call into an outcome.
static copenssl_outcome failure(SSL *ssl, int ret, char *err, size_t errlen) {
    int reason = SSL_get_error(ssl, ret);
    int saved = errno;
    switch (reason) {
    case SSL_ERROR_ZERO_RETURN:
        ERR_clear_error();
        put(err, errlen, "the server closed the connection");
        return COPENSSL_CLOSED;
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        ERR_clear_error();
        put(err, errlen, "timed out");
        return COPENSSL_TIMEOUT;
    case SSL_ERROR_SYSCALL: {
        unsigned long code = ERR_peek_error();
        if (code != 0) return classify(take_error(err, errlen, "I/O error"));
        if (saved == EAGAIN || saved == EWOULDBLOCK) { put(err, errlen, "timed out"); return COPENSSL_TIMEOUT; }
        if (saved == 0 || saved == ECONNRESET || saved == EPIPE) {
            put(err, errlen, saved == 0 ? "the server closed the connection" : strerror(saved));
            return COPENSSL_CLOSED;
        }
        put(err, errlen, strerror(saved));
        return COPENSSL_OTHER;
    }
    default:
        return classify(take_error(err, errlen, "TLS error"));
    }
}

void *copenssl_context_new(const copenssl_settings *s, char *err, size_t errlen) {
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) { take_error(err, errlen, "cannot create a TLS context"); return NULL; }
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // Redis sessions are long-lived; a write to a closed socket must fail, not raise SIGPIPE
    // inside OpenSSL (the process ignores SIGPIPE as well).
    SSL_CTX_set_mode(ctx, SSL_MODE_AUTO_RETRY);
    if (s->verify) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
        int ok;
        if (s->ca_file || s->ca_dir) {
            ok = SSL_CTX_load_verify_locations(ctx, s->ca_file, s->ca_dir);
        } else {
            ok = SSL_CTX_set_default_verify_paths(ctx);
        }
        if (ok != 1) {
            char reason[200];
            take_error(reason, sizeof reason, "unreadable");
            if (err && errlen) snprintf(err, errlen, "cannot load the CA certificates (%s)", reason);
            SSL_CTX_free(ctx);
            return NULL;
        }
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    }
    if (s->cert_file) {
        if (SSL_CTX_use_certificate_chain_file(ctx, s->cert_file) != 1) {
            char reason[200];
            take_error(reason, sizeof reason, "unreadable");
            if (err && errlen) snprintf(err, errlen, "cannot use the client certificate (%s)", reason);
            SSL_CTX_free(ctx);
            return NULL;
        }
        const char *key = s->key_file ? s->key_file : s->cert_file;
        if (SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1 || SSL_CTX_check_private_key(ctx) != 1) {
            char reason[200];
            take_error(reason, sizeof reason, "unreadable");
            if (err && errlen) snprintf(err, errlen, "cannot use the client key (%s)", reason);
            SSL_CTX_free(ctx);
            return NULL;
        }
    }
    return ctx;
}

void copenssl_context_free(void *context) { SSL_CTX_free((SSL_CTX *)context); }

static int is_ip_address(const char *host) {
    unsigned char scratch[16];
    return inet_pton(AF_INET, host, scratch) == 1 || inet_pton(AF_INET6, host, scratch) == 1;
}

void *copenssl_session_new(void *context, int fd, const char *server_name, const char *verify_host,
                           char *err, size_t errlen) {
    ERR_clear_error();
    SSL *ssl = SSL_new((SSL_CTX *)context);
    if (!ssl) { take_error(err, errlen, "cannot create a TLS session"); return NULL; }
    SSL_set_fd(ssl, fd);
    if (server_name && !is_ip_address(server_name)) SSL_set_tlsext_host_name(ssl, server_name);
    if (verify_host) {
        X509_VERIFY_PARAM *param = SSL_get0_param(ssl);
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        int ok = is_ip_address(verify_host) ? X509_VERIFY_PARAM_set1_ip_asc(param, verify_host)
                                            : X509_VERIFY_PARAM_set1_host(param, verify_host, 0);
        if (ok != 1) {
            take_error(err, errlen, "cannot set the name to verify");
            SSL_free(ssl);
            return NULL;
        }
    }
    return ssl;
}

int copenssl_handshake(void *session, copenssl_outcome *outcome, long *verify_code, char *err, size_t errlen) {
    SSL *ssl = (SSL *)session;
    *outcome = COPENSSL_OK;
    *verify_code = 0;
    ERR_clear_error();
    errno = 0;
    int ret = SSL_connect(ssl);
    if (ret == 1) return 1;
    *outcome = failure(ssl, ret, err, errlen);
    long result = SSL_get_verify_result(ssl);
    if (*outcome != COPENSSL_TIMEOUT && result != X509_V_OK) {
        *verify_code = result;
        *outcome = COPENSSL_VERIFY_FAILED;
        put(err, errlen, X509_verify_cert_error_string(result));
    }
    return 0;
}

long copenssl_read(void *session, void *buffer, size_t len, copenssl_outcome *outcome, char *err, size_t errlen) {
    SSL *ssl = (SSL *)session;
    ERR_clear_error();
    errno = 0;
    int ret = SSL_read(ssl, buffer, len > 0x7fffffff ? 0x7fffffff : (int)len);
    if (ret > 0) { *outcome = COPENSSL_OK; return ret; }
    *outcome = failure(ssl, ret, err, errlen);
    return 0;
}

int copenssl_write_all(void *session, const void *buffer, size_t len, copenssl_outcome *outcome, char *err, size_t errlen) {
    SSL *ssl = (SSL *)session;
    const char *bytes = (const char *)buffer;
    *outcome = COPENSSL_OK;
    while (len > 0) {
        ERR_clear_error();
        errno = 0;
        int chunk = len > 0x40000000 ? 0x40000000 : (int)len;
        int ret = SSL_write(ssl, bytes, chunk);
        if (ret <= 0) { *outcome = failure(ssl, ret, err, errlen); return 0; }
        bytes += ret;
        len -= (size_t)ret;
    }
    return 1;
}

int copenssl_pending(void *session) { return SSL_pending((SSL *)session); }

void copenssl_session_free(void *session) {
    SSL *ssl = (SSL *)session;
    SSL_set_quiet_shutdown(ssl, 1);
    SSL_free(ssl);
}

void copenssl_session_describe(void *session, char *out, size_t outlen) {
    SSL *ssl = (SSL *)session;
    snprintf(out, outlen, "%s %s", SSL_get_version(ssl), SSL_get_cipher_name(ssl));
}

const char *copenssl_version(void) { return OpenSSL_version(OPENSSL_VERSION); }
