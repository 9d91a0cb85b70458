//! Synthetic Safe Zones for benchmarks: `server safezones fixture N` writes a sheet of
//! N made-up places in the format of `safezones.csv`, to measure how the locator
//! copes with a whole region's scheme. **Never content**: every row's source says it is
//! a benchmark fixture, and `scripts/bench-locator.sh` writes it only into a copy of
//! the content folder in a temporary folder.
//!
//! What is real: the postcodes and their positions, drawn from the area's postcode
//! table (`places/area-postcodes.csv`), and the town each row is grouped under (the
//! nearest in `places/towns.csv`). What is made up: names of the kinds of places that
//! join such schemes, the words about where they are, a few dozen opening-hours
//! patterns, statuses and check dates. Rows come grouped by town, as a council's sheet
//! is kept. The same N and seed always give the same sheet.

use std::path::Path;

/// What every fixture row gives as its source.
pub const FIXTURE_SOURCE: &str = "Synthetic benchmark fixture: not a real place";

const SURNAMES: [&str; 24] = [
    "Ahmed", "Akhtar", "Bailey", "Brook", "Clarke", "Dyson", "Haigh", "Hussain", "Iqbal", "Kaur",
    "Kowalski", "Lockwood", "Mahmood", "Nowak", "Patel", "Sykes", "Shaw", "Singh", "Taylor",
    "Walker", "Whitwam", "Wood", "Armitage", "Kaye",
];
const STREETS: [&str; 24] = [
    "Market Street",
    "Church Lane",
    "Westgate",
    "Northgate",
    "High Street",
    "Station Road",
    "King Street",
    "Bradford Road",
    "Halifax Road",
    "Wakefield Road",
    "Leeds Road",
    "Manchester Road",
    "New Street",
    "Queen Street",
    "Bank Street",
    "Victoria Road",
    "Commercial Street",
    "Park Road",
    "Mill Lane",
    "Chapel Street",
    "Cross Street",
    "Union Street",
    "Bridge Street",
    "Bond Street",
];
const SHOPS: [&str; 16] = [
    "Pharmacy",
    "Barbers",
    "Convenience Store",
    "Café",
    "Florist",
    "Bakery",
    "Newsagent",
    "Hair Salon",
    "Opticians",
    "Butchers",
    "Library",
    "Post Office",
    "Dental Practice",
    "Medical Centre",
    "Tea Rooms",
    "Print Shop",
];
const PUBS: [&str; 12] = [
    "Red Lion",
    "White Hart",
    "Black Bull",
    "George",
    "Royal Oak",
    "Crown",
    "Plough",
    "Wheatsheaf",
    "Fleece",
    "Swan",
    "Star",
    "Old Bank",
];
const WHERE: [&str; 8] = [
    "town centre",
    "inside the bus station",
    "next to the market",
    "by the railway station",
    "opposite the park",
    "in the shopping centre",
    "near the library",
    "on the main road",
];
const DAYS: [&str; 4] = ["Mo-Fr", "Mo-Sa", "Mo-Su", "Tu-Sa"];
const OPENS: [&str; 4] = ["07:00", "08:30", "09:00", "10:00"];
const CLOSES: [&str; 4] = ["16:00", "17:30", "18:00", "22:00"];

/// The fixture sheet for N places, with the header of `safezones.csv`.
pub fn sheet(content: &Path, count: usize, seed: u64) -> Result<String, String> {
    let postcodes = read_table(&content.join("places/area-postcodes.csv"))?;
    let towns = read_table(&content.join("places/towns.csv"))?;
    if postcodes.is_empty() || towns.is_empty() {
        return Err("the postcode and town tables in places/ are empty".to_owned());
    }
    let mut random = fastrand::Rng::with_seed(seed);
    let mut rows: Vec<(String, String)> = (0..count)
        .map(|_| {
            let (postcode, lat, lon) = &postcodes[random.usize(..postcodes.len())];
            let town = nearest(&towns, *lat, *lon);
            (town.to_owned(), row(&mut random, town, postcode))
        })
        .collect();
    // Grouped by town, as a council keeps its sheet; in drawn order within a town.
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let mut text =
        String::from("name,group,where,postcode,opening_hours,status,last_verified,source,notes\n");
    for (_, row) in rows {
        text.push_str(&row);
    }
    Ok(text)
}

fn row(random: &mut fastrand::Rng, town: &str, postcode: &str) -> String {
    let name = match pick(random, &["shop", "shop", "person", "pub", "town"]) {
        "shop" => format!("{} {}", pick(random, &STREETS), pick(random, &SHOPS)),
        "person" => format!("{}'s {}", pick(random, &SURNAMES), pick(random, &SHOPS)),
        "pub" => format!("The {}", pick(random, &PUBS)),
        _ => format!("{town} {}", pick(random, &SHOPS)),
    };
    let whereabouts = match random.u8(..10) {
        0..=3 => String::new(),
        4..=6 => format!("{}, {town}", pick(random, &STREETS)),
        _ => format!("{town}, {}", pick(random, &WHERE)),
    };
    let hours = match random.u8(..10) {
        0..=1 => String::new(),
        2 => "24/7".to_owned(),
        3 => format!(
            "{} {}-{}; Su 10:00-16:00",
            pick(random, &DAYS[..2]),
            pick(random, &OPENS),
            pick(random, &CLOSES)
        ),
        _ => format!(
            "{} {}-{}",
            pick(random, &DAYS),
            pick(random, &OPENS),
            pick(random, &CLOSES)
        ),
    };
    let status = if random.u8(..10) == 0 {
        "unconfirmed"
    } else {
        "active"
    };
    let checked = format!("2026-{:02}-01", random.u8(1..12));
    // One row in twenty has no postcode: placed by its town where the town is one of
    // `areas.toml`'s areas, otherwise listed among the places we cannot rank.
    let postcode = if random.u8(..20) == 0 { "" } else { postcode };
    format!(
        "{},{town},{},{postcode},{hours},{status},{checked},{FIXTURE_SOURCE},\n",
        quoted(&name),
        quoted(&whereabouts)
    )
}

fn pick<'a>(random: &mut fastrand::Rng, list: &[&'a str]) -> &'a str {
    list[random.usize(..list.len())]
}

fn quoted(text: &str) -> String {
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A places table as (name, lat, lon) rows; the header is skipped.
fn read_table(path: &Path) -> Result<Vec<(String, f64, f64)>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        let number = |at: usize| record.get(at).and_then(|n| n.trim().parse::<f64>().ok());
        if let (Some(name), Some(lat), Some(lon)) = (record.get(0), number(1), number(2)) {
            rows.push((name.to_owned(), lat, lon));
        }
    }
    Ok(rows)
}

fn nearest(towns: &[(String, f64, f64)], lat: f64, lon: f64) -> &str {
    let distance = |(_, t_lat, t_lon): &&(String, f64, f64)| {
        let (d_lat, d_lon) = (t_lat - lat, (t_lon - lon) * lat.to_radians().cos());
        d_lat * d_lat + d_lon * d_lon
    };
    towns
        .iter()
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))
        .map_or("", |(name, ..)| name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
    }

    #[test]
    fn the_same_seed_gives_the_same_sheet_of_marked_rows() {
        let sheet_a = sheet(&content(), 200, 7).expect("the fixture");
        assert_eq!(sheet_a, sheet(&content(), 200, 7).expect("the fixture"));
        assert_ne!(sheet_a, sheet(&content(), 200, 8).expect("the fixture"));
        assert_eq!(sheet_a.lines().count(), 201);
        assert!(sheet_a
            .lines()
            .skip(1)
            .all(|line| line.contains(FIXTURE_SOURCE)));
    }

    #[test]
    fn the_sheet_loads_as_safe_zones_with_real_postcode_positions() {
        let folder = std::env::temp_dir().join(format!("fixture-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        copy_folder(&content(), &folder);
        let text = sheet(&content(), 300, 1).expect("the fixture");
        std::fs::write(folder.join("safezones.csv"), text).expect("write the sheet");
        let site = crate::content::load(&folder).expect("the fixture loads without errors");
        let _ = std::fs::remove_dir_all(&folder);
        let fixture: Vec<_> = site
            .locator
            .places
            .iter()
            .filter(|place| place.source == FIXTURE_SOURCE)
            .collect();
        assert_eq!(fixture.len(), 300);
        let with_postcode = fixture
            .iter()
            .filter(|place| matches!(place.location, app::model::Location::Postcode { .. }))
            .count();
        assert!(
            with_postcode > 250,
            "{with_postcode} of 300 placed by postcode"
        );
    }

    fn copy_folder(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("make the folder");
        for entry in std::fs::read_dir(from).expect("read the folder").flatten() {
            let path = entry.path();
            let target = to.join(entry.file_name());
            if path.is_dir() {
                copy_folder(&path, &target);
            } else {
                std::fs::copy(&path, &target).expect("copy a file");
            }
        }
    }
}
