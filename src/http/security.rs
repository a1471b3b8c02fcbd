//! Browser-facing protections added to every answer: the CORS policy (off unless origins are
//! configured), `nosniff`, `Referrer-Policy`, `X-Frame-Options: DENY`, and a
//! Content-Security-Policy that lets the page load only our own scripts, styles and data, plus
//! images from the configured tile host.
//!
//! The CSP is sent on every response: the map page needs it, and on JSON it costs nothing while
//! stopping a stored `<script>` from ever running if a browser is tricked into rendering JSON.

use actix_cors::Cors;
use actix_web::http::{Method, header};
use actix_web::middleware::DefaultHeaders;

/// How long a browser may cache a CORS preflight answer, seconds.
const PREFLIGHT_MAX_AGE_SECS: usize = 3600;
/// The `Referrer-Policy` of every answer: full URL within the site, origin only across sites.
const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";
/// The CORS origin that grants every origin (reads and writes still follow the access rules).
const ANY_ORIGIN: &str = "*";
/// The subdomain placeholder of tile URL templates (`https://{s}.tile.example/...`).
const SUBDOMAIN_PLACEHOLDER: &str = "{s}";

/// Why a security option was refused.
#[derive(Debug, thiserror::Error)]
pub enum SecurityError {
    #[error("CORS origin {0:?} must be \"*\" or scheme://host[:port] without a path")]
    BadOrigin(String),
    #[error("tile URL {0:?} must be a path on this server or an http(s) URL naming a host")]
    BadTileUrl(String),
}

/// What the browser protections depend on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecurityConfig {
    /// The origin (`https://*.tile.example`) base-map images may come from, if any.
    pub tile_origin: Option<String>,
    /// Origins granted cross-origin access (`--cors-origin`); empty means no CORS at all.
    pub cors_origins: Vec<String>,
}

impl SecurityConfig {
    /// Builds the policy from the `--tiles` URL template and the `--cors-origin` values.
    ///
    /// # Errors
    /// [`SecurityError::BadTileUrl`] or [`SecurityError::BadOrigin`] for malformed values.
    pub fn new(tiles: Option<&str>, cors_origins: Vec<String>) -> Result<Self, SecurityError> {
        for origin in &cors_origins {
            if origin != ANY_ORIGIN && origin_of(origin).as_deref() != Some(origin.as_str()) {
                return Err(SecurityError::BadOrigin(origin.clone()));
            }
        }
        // A template on our own host (`/tiles/{z}/{x}/{y}.png`) is covered by 'self'.
        let tile_origin = tiles
            .filter(|t| !t.starts_with('/'))
            .map(|t| origin_of(t).ok_or_else(|| SecurityError::BadTileUrl(t.to_owned())))
            .transpose()?
            .map(|o| o.replace(SUBDOMAIN_PLACEHOLDER, "*"));
        Ok(SecurityConfig {
            tile_origin,
            cors_origins,
        })
    }

    /// The Content-Security-Policy: our own scripts, styles and fetches only; images from us,
    /// `data:` URLs and the tile host; no plug-ins, no framing, no foreign form targets.
    pub fn content_security_policy(&self) -> String {
        let tiles = self
            .tile_origin
            .as_deref()
            .map(|o| format!(" {o}"))
            .unwrap_or_default();
        format!(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; \
             connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
             frame-ancestors 'none'"
        )
    }

    /// The headers every answer carries.
    pub fn headers(&self) -> DefaultHeaders {
        DefaultHeaders::new()
            .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
            .add((header::REFERRER_POLICY, REFERRER_POLICY))
            .add((header::X_FRAME_OPTIONS, "DENY"))
            .add((
                header::CONTENT_SECURITY_POLICY,
                self.content_security_policy(),
            ))
    }

    /// The CORS middleware: the configured origins may read and write (with the bearer token
    /// header); other origins get no CORS headers, so browsers keep their answers from them.
    pub fn cors(&self) -> Cors {
        let mut cors = Cors::default()
            .allowed_methods([Method::GET, Method::POST, Method::DELETE])
            .allowed_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT])
            .expose_headers([header::LOCATION])
            .max_age(PREFLIGHT_MAX_AGE_SECS);
        for origin in &self.cors_origins {
            cors = if origin == ANY_ORIGIN {
                cors.allow_any_origin().send_wildcard()
            } else {
                cors.allowed_origin(origin)
            };
        }
        cors
    }

    /// Whether any cross-origin access is configured.
    pub fn cors_enabled(&self) -> bool {
        !self.cors_origins.is_empty()
    }
}

/// `scheme://host[:port]` of an http(s) URL (placeholders like `{s}` kept), if it has a host.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let valid = !authority.is_empty()
        && !authority.contains('@')
        && authority
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]{}".contains(c));
    valid.then(|| format!("{scheme}://{authority}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tile_template_gives_its_origin_with_a_subdomain_wildcard() {
        let config = SecurityConfig::new(Some("https://{s}.tiles.test/{z}/{x}/{y}.png"), vec![])
            .expect("a valid template");
        assert_eq!(config.tile_origin.as_deref(), Some("https://*.tiles.test"));
        let csp = config.content_security_policy();
        assert!(
            csp.contains("img-src 'self' data: https://*.tiles.test;"),
            "{csp}"
        );
        assert!(csp.contains("script-src 'self';"), "{csp}");
    }

    #[test]
    fn without_tiles_images_come_from_us_and_data_urls_only() {
        let csp = SecurityConfig::default().content_security_policy();
        assert!(csp.contains("img-src 'self' data:;"), "{csp}");
    }

    #[test]
    fn malformed_origins_and_tile_urls_are_refused() {
        for bad in [
            "localhost:3000",
            "https://a.test/path",
            "ftp://a.test",
            "https://",
        ] {
            assert!(
                SecurityConfig::new(None, vec![bad.into()]).is_err(),
                "{bad}"
            );
        }
        assert!(SecurityConfig::new(Some("tiles.test/{z}/{x}/{y}.png"), vec![]).is_err());
        let local = SecurityConfig::new(Some("/tiles/{z}/{x}/{y}.png"), vec![]).unwrap();
        assert_eq!(local.tile_origin, None);
        assert!(SecurityConfig::new(None, vec!["*".into(), "http://a.test:8080".into()]).is_ok());
    }
}
