//! Dates as people read them.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2026-11-01" becomes "1 November 2026". Anything else is returned unchanged:
/// the content check has already rejected dates that are not real.
pub fn human_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let month_name = month
        .parse::<usize>()
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|m| MONTHS.get(m));
    match (day.parse::<u32>(), month_name) {
        (Ok(day), Some(month_name)) => format!("{day} {month_name} {year}"),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::human_date;

    #[test]
    fn formats_iso_dates_in_words() {
        assert_eq!(human_date("2026-11-01"), "1 November 2026");
        assert_eq!(human_date("2025-02-28"), "28 February 2025");
    }

    #[test]
    fn leaves_anything_else_alone() {
        assert_eq!(human_date("soon"), "soon");
        assert_eq!(human_date("2026-13-01"), "2026-13-01");
    }
}
