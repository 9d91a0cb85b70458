//! A response body prepared once, at load, in every encoding we serve.

use axum::body::Bytes;
use std::io::Write;

/// A body with its content type and its brotli and gzip forms.
#[derive(Clone, Debug)]
pub struct Encoded {
    pub content_type: &'static str,
    pub identity: Bytes,
    /// Only kept when smaller than the identity body.
    pub brotli: Option<Bytes>,
    pub gzip: Option<Bytes>,
}

/// Which form of a body a client gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    /// The best coding the `Accept-Encoding` header allows.
    pub fn negotiate(accept_encoding: Option<&str>) -> Coding {
        let Some(header) = accept_encoding else {
            return Coding::Identity;
        };
        let accepts = |name: &str| {
            header.split(',').any(|item| {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or_default().trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                coding.eq_ignore_ascii_case(name) && !refused
            })
        };
        if accepts("br") {
            Coding::Brotli
        } else if accepts("gzip") {
            Coding::Gzip
        } else {
            Coding::Identity
        }
    }
}

impl Encoded {
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Encoded {
        let identity: Bytes = body.into();
        let smaller = |compressed: Vec<u8>| {
            (compressed.len() < identity.len()).then(|| Bytes::from(compressed))
        };
        Encoded {
            content_type,
            brotli: brotli_bytes(&identity).and_then(smaller),
            gzip: gzip_bytes(&identity).and_then(smaller),
            identity,
        }
    }

    /// Encodes many bodies at once, on every core (compressing at the highest levels
    /// is most of the start-up time), keeping each with its key, in order.
    pub fn many<K: Send>(items: Vec<(K, &'static str, Bytes)>) -> Vec<(K, Encoded)> {
        let workers = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .clamp(1, items.len().max(1));
        let mut shares: Vec<Vec<_>> = (0..workers).map(|_| Vec::new()).collect();
        for (index, item) in items.into_iter().enumerate() {
            shares[index % workers].push((index, item));
        }
        let mut done: Vec<(usize, K, Encoded)> = std::thread::scope(|scope| {
            let running: Vec<_> = shares
                .into_iter()
                .map(|share| {
                    scope.spawn(move || {
                        share
                            .into_iter()
                            .map(|(index, (key, content_type, body))| {
                                (index, key, Encoded::new(content_type, body))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            running
                .into_iter()
                .flat_map(|worker| worker.join().unwrap_or_default())
                .collect()
        });
        done.sort_by_key(|(index, ..)| *index);
        done.into_iter()
            .map(|(_, key, encoded)| (key, encoded))
            .collect()
    }

    /// The body for `coding`, and the coding actually used.
    pub fn pick(&self, coding: Coding) -> (&Bytes, Coding) {
        match (coding, &self.brotli, &self.gzip) {
            (Coding::Brotli, Some(body), _) => (body, Coding::Brotli),
            (Coding::Brotli | Coding::Gzip, _, Some(body)) => (body, Coding::Gzip),
            _ => (&self.identity, Coding::Identity),
        }
    }
}

fn brotli_bytes(input: &[u8]) -> Option<Vec<u8>> {
    let mut output = Vec::with_capacity(input.len() / 3);
    {
        let mut writer = brotli::CompressorWriter::new(&mut output, 4096, 11, 22);
        writer.write_all(input).ok()?;
    }
    Some(output)
}

fn gzip_bytes(input: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(input).ok()?;
    encoder.finish().ok()
}

/// The MIME type for a file name, by its extension.
pub fn content_type_for(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn negotiates_the_best_allowed_coding() {
        assert_eq!(Coding::negotiate(Some("gzip, deflate, br")), Coding::Brotli);
        assert_eq!(Coding::negotiate(Some("gzip")), Coding::Gzip);
        assert_eq!(Coding::negotiate(Some("br;q=0, gzip")), Coding::Gzip);
        assert_eq!(Coding::negotiate(Some("identity")), Coding::Identity);
        assert_eq!(Coding::negotiate(None), Coding::Identity);
    }

    #[test]
    fn compressed_forms_decode_to_the_original() {
        let text = "Call 0808 2000 247. ".repeat(200);
        let encoded = Encoded::new("text/plain; charset=utf-8", text.clone());
        let (gz, coding) = encoded.pick(Coding::Gzip);
        assert_eq!(coding, Coding::Gzip);
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut decoded)
            .expect("gunzip");
        assert_eq!(decoded, text);
        let (br, coding) = encoded.pick(Coding::Brotli);
        assert_eq!(coding, Coding::Brotli);
        let mut decoded = String::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_string(&mut decoded)
            .expect("unbrotli");
        assert_eq!(decoded, text);
    }

    #[test]
    fn many_bodies_are_encoded_each_with_its_key_in_order() {
        let items: Vec<(usize, &'static str, Bytes)> = (0..9)
            .map(|n| {
                (
                    n,
                    "text/plain; charset=utf-8",
                    Bytes::from("x".repeat(n * 100)),
                )
            })
            .collect();
        let encoded = Encoded::many(items);
        assert_eq!(encoded.len(), 9);
        for (n, (key, body)) in encoded.iter().enumerate() {
            assert_eq!(*key, n);
            assert_eq!(body.identity.len(), n * 100);
        }
        assert!(Encoded::many(Vec::<((), &'static str, Bytes)>::new()).is_empty());
    }

    #[test]
    fn tiny_bodies_stay_uncompressed() {
        let encoded = Encoded::new("text/plain; charset=utf-8", "hi");
        assert_eq!(
            encoded.pick(Coding::Brotli),
            (&Bytes::from("hi"), Coding::Identity)
        );
    }
}
