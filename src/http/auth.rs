//! Who may write: with a configured token, requests bearing `Authorization: Bearer TOKEN`;
//! without one, clients on the loopback interface only. Reads are open.

use actix_web::HttpRequest;
use actix_web::http::header::AUTHORIZATION;
use subtle::ConstantTimeEq;

use super::ApiError;

/// The scheme prefix of a bearer `Authorization` header.
const BEARER: &str = "Bearer ";

/// The write policy of the server.
#[derive(Clone, Default)]
pub struct WriteAccess {
    token: Option<String>,
}

impl std::fmt::Debug for WriteAccess {
    /// Never prints the token itself.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriteAccess")
            .field("token", &self.token.as_ref().map(|_| "<set>"))
            .finish()
    }
}

impl WriteAccess {
    /// Requires `token` on writes; an absent or empty token means loopback-only writes.
    pub fn new(token: Option<String>) -> Self {
        WriteAccess {
            token: token.filter(|t| !t.is_empty()),
        }
    }

    /// Whether the request may write.
    ///
    /// # Errors
    /// [`ApiError::Unauthorized`] for a missing or wrong token, [`ApiError::Forbidden`] for a
    /// non-loopback client when no token is configured.
    pub fn check(&self, req: &HttpRequest) -> Result<(), ApiError> {
        match &self.token {
            Some(expected) => {
                let given = req
                    .headers()
                    .get(AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.strip_prefix(BEARER))
                    .ok_or_else(|| {
                        ApiError::Unauthorized("writes need an Authorization: Bearer token".into())
                    })?;
                // Constant time over the token's bytes, so timing does not reveal a prefix.
                if bool::from(given.trim().as_bytes().ct_eq(expected.as_bytes())) {
                    Ok(())
                } else {
                    Err(ApiError::Unauthorized("the bearer token is wrong".into()))
                }
            }
            None => match req.peer_addr() {
                Some(addr) if addr.ip().is_loopback() => Ok(()),
                _ => Err(ApiError::Forbidden(
                    "writes are accepted from loopback clients only when the server has no token"
                        .into(),
                )),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    const TOKEN: &str = "t0ken";

    fn from(peer: &str) -> TestRequest {
        TestRequest::default().peer_addr(peer.parse().expect("a socket address"))
    }

    #[test]
    fn with_a_token_only_the_exact_bearer_token_writes() {
        let access = WriteAccess::new(Some(TOKEN.into()));
        let ok = from("127.0.0.1:1").insert_header((AUTHORIZATION, "Bearer t0ken"));
        assert!(access.check(&ok.to_http_request()).is_ok());
        for header in [
            "Bearer t0ke",
            "Bearer t0ken0",
            "Bearer ",
            "bearer t0ken",
            "Basic t0ken",
        ] {
            let req = from("127.0.0.1:1").insert_header((AUTHORIZATION, header));
            let result = access.check(&req.to_http_request());
            assert!(matches!(result, Err(ApiError::Unauthorized(_))), "{header}");
        }
        // Loopback is no substitute for the token once one is configured.
        let bare = from("127.0.0.1:1").to_http_request();
        assert!(matches!(
            access.check(&bare),
            Err(ApiError::Unauthorized(_))
        ));
    }

    #[test]
    fn without_a_token_loopback_writes_and_others_are_forbidden() {
        let access = WriteAccess::new(None);
        assert!(access.check(&from("127.0.0.1:1").to_http_request()).is_ok());
        assert!(access.check(&from("[::1]:1").to_http_request()).is_ok());
        // A forwarding header must not make a remote client look local.
        let spoofed = from("203.0.113.9:1")
            .insert_header(("X-Forwarded-For", "127.0.0.1"))
            .insert_header(("Forwarded", "for=127.0.0.1"));
        let result = access.check(&spoofed.to_http_request());
        assert!(matches!(result, Err(ApiError::Forbidden(_))));
        let unknown_peer = TestRequest::default().to_http_request();
        assert!(matches!(
            access.check(&unknown_peer),
            Err(ApiError::Forbidden(_))
        ));
    }

    #[test]
    fn an_empty_token_means_none_and_is_never_printed() {
        assert_eq!(
            format!("{:?}", WriteAccess::new(Some(String::new()))),
            "WriteAccess { token: None }"
        );
        assert!(!format!("{:?}", WriteAccess::new(Some(TOKEN.into()))).contains(TOKEN));
    }
}
