//! The front matter of a translated page: what it translates, and whether speakers of
//! the language have checked it.

use super::fields::Fields;
use super::{parse_table, Split};
use crate::content::report::Report;
use app::model::Date;
use toml::Value;

/// The fields of a translated page, after validation.
#[derive(Clone, Debug, PartialEq)]
pub struct TranslationFrontMatter {
    pub title: String,
    pub summary: String,
    /// The address of the page it was translated from.
    pub source: String,
    pub order: i64,
    pub last_reviewed: Date,
    pub owner: String,
    pub community_reviewed: bool,
}

const TRANSLATION_FIELDS: [&str; 7] = [
    "title",
    "summary",
    "source",
    "order",
    "last_reviewed",
    "owner",
    "community_reviewed",
];

/// Parses and checks the fields of a translated page. Whether `source` is a real
/// page is checked by the caller, which knows the pages.
pub fn parse_translation(
    split: &Split<'_>,
    file: &str,
    report: &mut Report,
) -> Option<TranslationFrontMatter> {
    let table = parse_table(split, file, report)?;
    let fields = Fields {
        table: &table,
        split,
        file,
    };
    let errors_before = report.errors().len();
    fields.refuse_unknown(&TRANSLATION_FIELDS, "translations", report);
    let title = fields.text(
        "title",
        "title = \"…\" (in the language of the page)",
        report,
    );
    let summary = fields.text(
        "summary",
        "summary = \"…\" (in the language of the page)",
        report,
    );
    let source = fields.text(
        "source",
        "source = \"/get-help/get-help-now\", the address of the English page it translates",
        report,
    );
    let owner = fields.text("owner", "owner = \"Community engagement team\"", report);
    let order = fields.order(report);
    let last_reviewed = fields.date("last_reviewed", report);
    let community_reviewed = match table.get("community_reviewed") {
        Some(Value::Boolean(reviewed)) => Some(*reviewed),
        Some(_) => {
            report.at(file, fields.line("community_reviewed")).field("community_reviewed").fix(
                "should be true or false, without quotes.",
                "Write community_reviewed = false until speakers of the language have checked the translation, then true.",
            );
            None
        }
        None => {
            report.at(file, fields.line("community_reviewed")).field("community_reviewed").fix(
                "is missing.",
                "Add community_reviewed = false. The page then says the translation is awaiting community review, until an editor changes it to true.",
            );
            None
        }
    };
    if report.errors().len() > errors_before {
        return None;
    }
    Some(TranslationFrontMatter {
        title: title?,
        summary: summary?,
        source: source?,
        order,
        last_reviewed: last_reviewed?,
        owner: owner?,
        community_reviewed: community_reviewed?,
    })
}
