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
