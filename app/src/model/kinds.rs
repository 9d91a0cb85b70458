//! Fixed sets of words editors choose from: audiences, key stages and RSHE topics.

use serde::{Deserialize, Serialize};

/// The stages of secondary education that school resources are written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyStage {
    Ks3,
    Ks4,
    Post16,
}

impl KeyStage {
    pub const ALL: [KeyStage; 3] = [KeyStage::Ks3, KeyStage::Ks4, KeyStage::Post16];

    /// The word editors write in front matter, also the anchor on the schools index.
    pub fn key(self) -> &'static str {
        match self {
            KeyStage::Ks3 => "ks3",
            KeyStage::Ks4 => "ks4",
            KeyStage::Post16 => "post-16",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            KeyStage::Ks3 => "Key stage 3 (ages 11 to 14)",
            KeyStage::Ks4 => "Key stage 4 (ages 14 to 16)",
            KeyStage::Post16 => "Post-16 (ages 16 to 18)",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            KeyStage::Ks3 => "KS3",
            KeyStage::Ks4 => "KS4",
            KeyStage::Post16 => "Post-16",
        }
    }

    /// "KS3, KS4": the short names of `stages`, for lists and lesson facts.
    pub fn shorts(stages: &[KeyStage]) -> String {
        stages
            .iter()
            .map(|stage| stage.short())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The themes of secondary relationships, sex and health education (RSHE) in the
/// Department for Education's statutory guidance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    Families,
    RespectfulRelationships,
    OnlineAndMedia,
    BeingSafe,
    IntimateRelationships,
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::Families,
        Topic::RespectfulRelationships,
        Topic::OnlineAndMedia,
        Topic::BeingSafe,
        Topic::IntimateRelationships,
    ];

    /// The word editors write in front matter, also the anchor on the schools index.
    pub fn key(self) -> &'static str {
        match self {
            Topic::Families => "families",
            Topic::RespectfulRelationships => "respectful-relationships",
            Topic::OnlineAndMedia => "online-and-media",
            Topic::BeingSafe => "being-safe",
            Topic::IntimateRelationships => "intimate-relationships",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Topic::Families => "Families",
            Topic::RespectfulRelationships => "Respectful relationships, including friendships",
            Topic::OnlineAndMedia => "Online and media",
            Topic::BeingSafe => "Being safe",
            Topic::IntimateRelationships => {
                "Intimate and sexual relationships, including sexual health"
            }
        }
    }
}

/// Who a page or service is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Everyone,
    Women,
    Men,
    Lgbt,
    YoungPeople,
    Children,
    OlderPeople,
    DisabledPeople,
    Perpetrators,
    Professionals,
    Schools,
    FamilyAndFriends,
}

impl Audience {
    pub const ALL: [Audience; 12] = [
        Audience::Everyone,
        Audience::Women,
        Audience::Men,
        Audience::Lgbt,
        Audience::YoungPeople,
        Audience::Children,
        Audience::OlderPeople,
        Audience::DisabledPeople,
        Audience::Perpetrators,
        Audience::Professionals,
        Audience::Schools,
        Audience::FamilyAndFriends,
    ];

    /// The word editors write in front matter.
    pub fn key(self) -> &'static str {
        match self {
            Audience::Everyone => "everyone",
            Audience::Women => "women",
            Audience::Men => "men",
            Audience::Lgbt => "lgbt",
            Audience::YoungPeople => "young-people",
            Audience::Children => "children",
            Audience::OlderPeople => "older-people",
            Audience::DisabledPeople => "disabled-people",
            Audience::Perpetrators => "perpetrators",
            Audience::Professionals => "professionals",
            Audience::Schools => "schools",
            Audience::FamilyAndFriends => "family-and-friends",
        }
    }

    pub fn from_key(key: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audience_keys_round_trip() {
        for audience in Audience::ALL {
            assert_eq!(Audience::from_key(audience.key()), Some(audience));
        }
        assert_eq!(Audience::from_key("Women"), None);
    }

    #[test]
    fn school_keys_are_unique_and_usable_as_anchors() {
        let mut keys: Vec<&str> = KeyStage::ALL.iter().map(|k| k.key()).collect();
        keys.extend(Topic::ALL.iter().map(|t| t.key()));
        let count = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), count);
        assert!(keys.iter().all(|k| k
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
    }
}
