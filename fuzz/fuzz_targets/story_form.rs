//! The body of a `POST /share-your-story`: read and checked, then the story page shown
//! with whatever was kept. Whatever comes in, a draft and a verdict come out, the
//! refusal has words, and a refused form keeps the text it could read.
#![no_main]

use app::model::{StoryDraft, StoryOutcome, StoryWords};
use libfuzzer_sys::fuzz_target;
use server::stories::form::read;

fuzz_target!(|data: &[u8]| {
    let services = vec!["Test Helpline".to_owned()];
    let (draft, verdict) = read(data, &services);
    if let Err(refusal) = verdict {
        let words = StoryWords::english();
        assert!(!refusal.words(&words).is_empty());
        let _ = StoryOutcome::NotSent(refusal.words(&words), Box::new(draft.clone()));
    }
    let _ = draft.as_text("2026-12");
    let _ = StoryDraft::default();
});
