//! A response body prepared once, at load, in every encoding we serve.
//!
//! Compressing at brotli's highest level is nine tenths of the start-up time, so a
//! server that has just started answers with gzip (made at once, in a few
//! milliseconds) while the brotli forms are made in the background; each body's
//! brotli form is swapped in the moment it is ready. A body and its coding are
//! always picked together, so a response never carries headers for another form.

use axum::body::Bytes;
use std::io::Write;
use std::sync::{Arc, OnceLock};

/// A body with its content type and its brotli and gzip forms.
#[derive(Clone, Debug)]
pub struct Encoded {
    pub content_type: &'static str,
    pub identity: Bytes,
    /// Only kept when smaller than the identity body.
    pub gzip: Option<Bytes>,
    /// Made once, by whoever needs it first; shared by every clone. Holds `None`
    /// when brotli is not smaller than the identity body.
    brotli: Arc<OnceLock<Option<Bytes>>>,
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
    /// A body with every form made now.
    pub fn new(content_type: &'static str, body: impl Into<Bytes>) -> Encoded {
        let encoded = Encoded::gzip_now(content_type, body.into());
        encoded.brotli();
        encoded
    }

    /// A body served as it is, in no other form (the editors' preview pages).
    pub fn uncompressed(content_type: &'static str, body: impl Into<Bytes>) -> Encoded {
        Encoded {
            content_type,
            identity: body.into(),
            gzip: None,
            brotli: Arc::new(OnceLock::from(None)),
        }
    }

    /// A body with its gzip form made now and its brotli form left for later.
    fn gzip_now(content_type: &'static str, identity: Bytes) -> Encoded {
        Encoded {
            content_type,
            gzip: gzip_bytes(&identity).and_then(|gzip| smaller(gzip, &identity)),
            identity,
            brotli: Arc::new(OnceLock::new()),
        }
    }

    /// The brotli form, made now if it is not made yet (when smaller than the body).
    pub fn brotli(&self) -> Option<&Bytes> {
        self.brotli
            .get_or_init(|| brotli_bytes(&self.identity).and_then(|b| smaller(b, &self.identity)))
            .as_ref()
    }

    /// Whether the brotli form has been made (or found not worth keeping).
    pub fn brotli_is_ready(&self) -> bool {
        self.brotli.get().is_some()
    }

    /// Encodes many bodies at once, on every core, keeping each with its key, in
    /// order. Only the gzip forms are made here: call [`Encoded::finish`] (or
    /// [`Encoded::finish_in_background`]) for the brotli forms.
    pub fn many<K: Send>(items: Vec<(K, &'static str, Bytes)>) -> Vec<(K, Encoded)> {
        let jobs: Vec<_> = items.into_iter().enumerate().collect();
        let mut done: Vec<(usize, K, Encoded)> =
            on_every_core(jobs, |(index, (key, content_type, body))| {
                (index, key, Encoded::gzip_now(content_type, body))
            });
        done.sort_by_key(|(index, ..)| *index);
        done.into_iter()
            .map(|(_, key, encoded)| (key, encoded))
            .collect()
    }

    /// Makes every brotli form still missing, on every core, and returns when all
    /// are made.
    pub fn finish(bodies: Vec<Encoded>) {
        on_every_core(bodies, |body| {
            body.brotli();
        });
    }

    /// Makes every brotli form still missing on a thread of its own, leaving the
    /// other cores to answer requests meanwhile. Until a body's form is made, it is
    /// served as gzip.
    pub fn finish_in_background(bodies: Vec<Encoded>) {
        let spawned = std::thread::Builder::new()
            .name("brotli".to_owned())
            .spawn(move || {
                for body in bodies {
                    body.brotli();
                }
                // Benchmarks wait for this: until then a core is busy compressing.
                eprintln!("every body has its brotli form");
            });
        if spawned.is_err() {
            // No thread to spare: the bodies stay gzip until someone asks for a
            // brotli form (the size table, the export), which makes it then.
        }
    }

    /// The body for `coding`, and the coding actually used: brotli only once it is
    /// made, gzip until then.
    pub fn pick(&self, coding: Coding) -> (&Bytes, Coding) {
        let brotli = self.brotli.get().and_then(Option::as_ref);
        match (coding, brotli, &self.gzip) {
            (Coding::Brotli, Some(body), _) => (body, Coding::Brotli),
            (Coding::Brotli | Coding::Gzip, _, Some(body)) => (body, Coding::Gzip),
            _ => (&self.identity, Coding::Identity),
        }
    }
}

/// Runs `work` on each item, spread over the machine's cores, and gathers the
/// answers (in no particular order).
fn on_every_core<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, items.len().max(1));
    let mut shares: Vec<Vec<T>> = (0..workers).map(|_| Vec::new()).collect();
    for (index, item) in items.into_iter().enumerate() {
        shares[index % workers].push(item);
    }
    let work = &work;
    std::thread::scope(|scope| {
        let running: Vec<_> = shares
            .into_iter()
            .map(|share| scope.spawn(move || share.into_iter().map(work).collect::<Vec<R>>()))
            .collect();
        running
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_default())
            .collect()
    })
}

fn smaller(compressed: Vec<u8>, identity: &Bytes) -> Option<Bytes> {
    (compressed.len() < identity.len()).then(|| Bytes::from(compressed))
}

/// Bodies up to this size get brotli's best (quality 11); larger ones, such as the
/// locator's data for a national scheme, quality 9: on a 3.5 MB body here quality 11
/// took 3 minutes and 10 took 44 s; 9 takes seconds, for 546 KB rather than 495 KB.
const BEST_QUALITY_UP_TO: usize = 1024 * 1024;

fn brotli_bytes(input: &[u8]) -> Option<Vec<u8>> {
    let mut output = Vec::with_capacity(input.len() / 3);
    let quality = if input.len() <= BEST_QUALITY_UP_TO {
        11
    } else {
        9
    };
    {
        let mut writer = brotli::CompressorWriter::new(&mut output, 4096, quality, 22);
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
    fn brotli_is_served_only_once_it_is_made_and_always_with_its_own_coding() {
        let text = "Call 0808 2000 247. ".repeat(200);
        let (_, body) = Encoded::many(vec![(
            (),
            "text/html; charset=utf-8",
            Bytes::from(text.clone()),
        )])
        .remove(0);
        assert!(!body.brotli_is_ready());
        // Asked for brotli before it is made: the gzip form, named as gzip.
        let (first, coding) = body.pick(Coding::Brotli);
        assert_eq!(coding, Coding::Gzip);
        assert_eq!(first, body.gzip.as_ref().expect("gzip form"));
        // A clone shares the form: making it on one serves it from the other.
        let clone = body.clone();
        Encoded::finish(vec![clone]);
        assert!(body.brotli_is_ready());
        let (later, coding) = body.pick(Coding::Brotli);
        assert_eq!(coding, Coding::Brotli);
        let mut decoded = String::new();
        brotli::Decompressor::new(&later[..], 4096)
            .read_to_string(&mut decoded)
            .expect("unbrotli");
        assert_eq!(decoded, text);
    }

    #[test]
    fn the_background_thread_makes_every_brotli_form() {
        let bodies: Vec<Encoded> = (1..6)
            .map(|n| {
                Encoded::many(vec![(
                    (),
                    "text/plain; charset=utf-8",
                    Bytes::from("help ".repeat(n * 50)),
                )])
                .remove(0)
                .1
            })
            .collect();
        Encoded::finish_in_background(bodies.clone());
        // brotli() waits for a form another thread is making, then returns it.
        for body in &bodies {
            assert!(body.brotli().is_some());
            assert!(body.brotli_is_ready());
        }
    }

    #[test]
    fn preview_bodies_are_served_as_they_are() {
        let body = Encoded::uncompressed("text/html; charset=utf-8", "x".repeat(500));
        assert_eq!(body.pick(Coding::Brotli).1, Coding::Identity);
        assert_eq!(body.pick(Coding::Gzip).1, Coding::Identity);
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
