//! A search posted without JavaScript renders only its answer, into the page frame
//! made at load. These tests hold the two together: frame plus answer must be the
//! whole page rendered for that answer, byte for byte, whatever was asked.

mod support;

/// 10:00 on Monday 23 November 2026 (UTC, which is UK time in November).
const MONDAY_TEN: f64 = 1_795_428_000_000.0;

#[test]
fn every_kind_of_answer_renders_into_the_frame_as_the_whole_page_would() {
    let state = support::good_state();
    let bodies = [
        "q=HD1",
        "q=hd1+2ta&show=safezones",
        "q=Dewsbury&show=services&for=women&open=on",
        "q=HD1&open=on",
        "q=ZZ9",
        "q=",
        "q=1+Some+Street%2C+Huddersfield+HD1+2TA",
        "show=everything",
        "%ZZ=%",
    ];
    let languages = std::iter::once(None).chain(state.find.site.languages.iter().map(Some));
    for language in languages {
        for body in bodies {
            let (status, outcome, choices) =
                state
                    .find
                    .answer_body(body.as_bytes(), MONDAY_TEN, language);
            let framed = state
                .find
                .page_in(outcome.clone(), choices.clone(), language);
            let whole = state.find.whole_page_in(outcome, choices, language);
            let code = language.map_or("en", |l| l.code.as_str());
            assert_eq!(framed, whole, "{code}: {body} ({status})");
        }
    }
}

#[test]
fn the_frame_holds_no_island_and_the_answer_sits_inside_the_main_content() {
    let state = support::good_state();
    let (_, outcome, choices) = state.find.answer_body(b"q=HD1", MONDAY_TEN, None);
    let page = state.find.page(outcome, choices);
    assert!(
        !page.contains("<leptos-island"),
        "an answer page loads no WASM"
    );
    let main = page.find("<main").expect("main");
    let answer = page.find("class=\"find-answer\"").expect("answer");
    let main_end = page.find("</main>").expect("main ends");
    assert!(
        main < answer && answer < main_end,
        "the answer is inside <main>"
    );
    assert!(
        !page.contains(app::render::ANSWER_SLOT),
        "the slot is filled"
    );
}
