//! One module per page type. Each returns the content of `<main>`.

mod article;
mod find;
mod home;
mod problem;
mod section;
mod story;
mod translated;

pub use article::ArticlePage;
pub use find::{FindAnswer, FindOutcome, FindPage, ANSWER_SLOT};
pub use home::HomePage;
pub use problem::ProblemPage;
pub use section::SectionPage;
pub use story::StoryPage;
pub use translated::{LanguageHome, TranslatedPage};
