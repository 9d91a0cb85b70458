//! Layout pieces. `LocatorForm` and the writers of the locator's answers
//! (`results_html`) are also used inside islands, so they are compiled into the WASM;
//! the rest is server-only.

#[cfg(feature = "ssr")]
mod breadcrumbs;
mod call_list;
#[cfg(feature = "ssr")]
mod help_choices;
#[cfg(feature = "ssr")]
mod layout;
mod locator_form;
mod results;

#[cfg(feature = "ssr")]
pub use breadcrumbs::Breadcrumbs;
#[cfg(feature = "ssr")]
pub use call_list::CallList;
#[cfg(feature = "ssr")]
pub use help_choices::HelpChoices;
#[cfg(feature = "ssr")]
pub use layout::{LanguageLink, Layout};
pub use locator_form::{FormFields, LocatorForm};
pub use results::results_html;
#[cfg(feature = "ssr")]
pub use results::ResultsList;
