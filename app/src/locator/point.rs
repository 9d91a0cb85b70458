//! Positions on the Earth, great-circle distances and directions.

use geo::{Bearing, Distance, Haversine, Point};

/// A validated WGS84 position in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    lat: f64,
    lon: f64,
}

impl LatLon {
    /// A position, if both numbers are finite and in range.
    pub fn new(lat: f64, lon: f64) -> Option<LatLon> {
        let valid = lat.is_finite()
            && lon.is_finite()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon);
        valid.then_some(LatLon { lat, lon })
    }

    pub fn lat(self) -> f64 {
        self.lat
    }

    pub fn lon(self) -> f64 {
        self.lon
    }

    fn point(self) -> Point<f64> {
        Point::new(self.lon, self.lat)
    }

    /// Great-circle distance in metres.
    pub fn distance_m(self, other: LatLon) -> f64 {
        Haversine.distance(self.point(), other.point())
    }

    /// Initial bearing towards `other`, in degrees clockwise from north.
    pub fn bearing_to(self, other: LatLon) -> f64 {
        Haversine.bearing(self.point(), other.point())
    }

    /// The position as a point on the unit sphere. Straight-line distance between such
    /// points grows with great-circle distance, so an R-tree over them finds the
    /// nearest places exactly, with no distortion towards the poles.
    pub fn unit_vector(self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    }
}

/// "north", "north-east" … for a bearing in degrees.
pub fn compass_point(bearing: f64) -> &'static str {
    const POINTS: [&str; 8] = [
        "north",
        "north-east",
        "east",
        "south-east",
        "south",
        "south-west",
        "west",
        "north-west",
    ];
    let normalised = bearing.rem_euclid(360.0);
    let index = ((normalised + 22.5) / 45.0) as usize % 8;
    POINTS[index]
}

/// Minutes to walk `metres` at an easy 4.8 km/h, at least one minute.
pub fn walking_minutes(metres: f64) -> u32 {
    let minutes = (metres / 80.0).ceil();
    if minutes.is_finite() {
        minutes.clamp(1.0, f64::from(u32::MAX)) as u32
    } else {
        u32::MAX
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> LatLon {
        LatLon::new(lat, lon).expect("valid test position")
    }

    #[test]
    fn rejects_impossible_positions() {
        assert!(LatLon::new(f64::NAN, 0.0).is_none());
        assert!(LatLon::new(0.0, f64::INFINITY).is_none());
        assert!(LatLon::new(91.0, 0.0).is_none());
        assert!(LatLon::new(0.0, -180.5).is_none());
        assert!(LatLon::new(53.645, -1.785).is_some());
    }

    #[test]
    fn distances_are_great_circle_metres() {
        // Huddersfield to Dewsbury town centres: about 11 km.
        let huddersfield = at(53.6458, -1.7850);
        let dewsbury = at(53.6910, -1.6330);
        let d = huddersfield.distance_m(dewsbury);
        assert!((10_500.0..11_500.0).contains(&d), "{d}");
        assert_eq!(huddersfield.distance_m(huddersfield), 0.0);
    }

    #[test]
    fn bearings_name_the_direction() {
        let here = at(53.6458, -1.7850);
        assert_eq!(compass_point(here.bearing_to(at(53.70, -1.7850))), "north");
        assert_eq!(
            compass_point(here.bearing_to(at(53.6910, -1.6330))),
            "north-east"
        );
        assert_eq!(compass_point(here.bearing_to(at(53.6458, -1.90))), "west");
        assert_eq!(compass_point(-10.0), "north");
        assert_eq!(compass_point(359.0), "north");
    }

    #[test]
    fn walking_time_rounds_up() {
        assert_eq!(walking_minutes(0.0), 1);
        assert_eq!(walking_minutes(800.0), 10);
        assert_eq!(walking_minutes(801.0), 11);
        assert_eq!(walking_minutes(f64::NAN), u32::MAX);
    }

    #[test]
    fn chord_order_matches_great_circle_order() {
        let here = at(53.6458, -1.7850);
        let near = at(53.70, -1.70);
        let far = at(53.50, -2.20);
        let chord = |a: LatLon, b: LatLon| {
            let (u, v) = (a.unit_vector(), b.unit_vector());
            (0..3).map(|i| (u[i] - v[i]).powi(2)).sum::<f64>()
        };
        assert!(chord(here, near) < chord(here, far));
        assert!(here.distance_m(near) < here.distance_m(far));
    }
}
