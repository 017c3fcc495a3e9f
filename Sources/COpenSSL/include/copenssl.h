#ifndef OPSDECK_COPENSSL_H
#define OPSDECK_COPENSSL_H
// The only door to OpenSSL (3.0, Debian's libssl-dev). Only RedisClient imports this module.
// OpenSSL's types stay behind it: Swift sees opaque handles, plain C types and an outcome
// category, so the classification of OpenSSL's reason codes lives here, next to the constants.
#include <stddef.h>

/// What a TLS call came to. The detail text (OpenSSL's reason) goes into the caller's buffer.
typedef enum copenssl_outcome {
    COPENSSL_OK = 0,
    COPENSSL_TIMEOUT = 1,          // the socket's timeout passed (SO_RCVTIMEO/SO_SNDTIMEO)
    COPENSSL_CLOSED = 2,           // the peer closed the connection (cleanly or not)
    COPENSSL_VERIFY_FAILED = 3,    // the server's certificate or name did not verify; see verify_code
    COPENSSL_NOT_TLS = 4,          // the server answered something that is not TLS (a plaintext port)
    COPENSSL_CERT_REQUIRED = 5,    // the server wants a client certificate and got none (or refused it)
    COPENSSL_SETUP_FAILED = 6,     // a CA, certificate or key file could not be used
    COPENSSL_OTHER = 7
} copenssl_outcome;

/// X509 verification results opsdeck words on its own (the values of OpenSSL's X509_V_ERR_*).
enum {
    COPENSSL_VERIFY_EXPIRED = 10,
    COPENSSL_VERIFY_NOT_YET_VALID = 9,
    COPENSSL_VERIFY_SELF_SIGNED = 18,
    COPENSSL_VERIFY_SELF_SIGNED_IN_CHAIN = 19,
    COPENSSL_VERIFY_UNKNOWN_ISSUER = 20,
    COPENSSL_VERIFY_UNKNOWN_ISSUER_CERT = 2,
    COPENSSL_VERIFY_LEAF_NOT_SIGNED = 21,
    COPENSSL_VERIFY_HOSTNAME_MISMATCH = 62,
    COPENSSL_VERIFY_IP_MISMATCH = 64
};

typedef struct copenssl_settings {
    const char *ca_file;    // NULL: the system store (unless ca_dir is given)
    const char *ca_dir;     // a c_rehash'ed directory of CA certificates
    const char *cert_file;  // client certificate chain (PEM), for mutual TLS
    const char *key_file;   // its private key (PEM)
    int verify;             // 0 only for an explicit --insecure
} copenssl_settings;

/// A client context (SSL_CTX) for these settings, or NULL with the reason in err.
void *copenssl_context_new(const copenssl_settings *settings, char *err, size_t errlen);
void copenssl_context_free(void *context);

/// A TLS session on a connected, blocking socket. `server_name` is sent as SNI (skipped for an
/// IP address); `verify_host` is the name or IP address the certificate must hold (NULL: do
/// not check the name). NULL with the reason in err on failure.
void *copenssl_session_new(void *context, int fd, const char *server_name, const char *verify_host,
                           char *err, size_t errlen);

/// Runs (or, after COPENSSL_TIMEOUT, resumes) the handshake within the socket's timeouts:
/// 1 on success; 0 with *outcome, *verify_code (an X509_V_ERR_* value) and err saying why.
int copenssl_handshake(void *session, copenssl_outcome *outcome, long *verify_code, char *err, size_t errlen);

/// Reads up to len bytes: >0 bytes read; 0 with *outcome saying why (closed, timeout, error).
long copenssl_read(void *session, void *buffer, size_t len, copenssl_outcome *outcome, char *err, size_t errlen);

/// Writes all len bytes (or fails): returns 1, or 0 with *outcome and err.
int copenssl_write_all(void *session, const void *buffer, size_t len, copenssl_outcome *outcome, char *err, size_t errlen);

/// Bytes already decrypted and waiting in the session (SSL_pending).
int copenssl_pending(void *session);

/// Frees the session without a close_notify round trip (the socket is closed by the caller).
void copenssl_session_free(void *session);

/// The protocol and cipher in use, e.g. "TLSv1.3 TLS_AES_256_GCM_SHA384".
void copenssl_session_describe(void *session, char *out, size_t outlen);

/// "OpenSSL 3.0.19 …", the library linked at run time.
const char *copenssl_version(void);

#endif
