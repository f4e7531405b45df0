//! Localised texts.

use core::fmt;

/// A text in several languages, the pack's reference language first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(Vec<(String, String)>);

impl Text {
    /// A text from `(language, text)` pairs; the first pair is the fallback.
    pub fn new<L: Into<String>, T: Into<String>>(pairs: impl IntoIterator<Item = (L, T)>) -> Text {
        Text(
            pairs
                .into_iter()
                .map(|(l, t)| (l.into(), t.into()))
                .collect(),
        )
    }

    /// The text in `lang`, else in the reference language, else empty.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .iter()
            .find(|(l, _)| l == lang)
            .or_else(|| self.0.first())
            .map_or("", |(_, t)| t.as_str())
    }

    /// Whether the text exists (non-empty) in `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.0
            .iter()
            .any(|(l, t)| l == lang && !t.trim().is_empty())
    }

    /// The languages present, in order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(l, _)| l.as_str())
    }

    /// The `(language, text)` pairs, the reference language first.
    pub(crate) fn pairs(&self) -> &Vec<(String, String)> {
        &self.0
    }

    /// A text from pairs already in order.
    pub(crate) fn from_pairs(pairs: Vec<(String, String)>) -> Text {
        Text(pairs)
    }

    /// Puts the languages in the order given (unlisted ones keep their order, at the end).
    pub(crate) fn reorder(&mut self, languages: &[String]) {
        self.0
            .sort_by_key(|(l, _)| languages.iter().position(|x| x == l).unwrap_or(usize::MAX));
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (l, t) in &self.0 {
            map.serialize_entry(l, t)?;
        }
        map.end()
    }
}

struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of texts by language, like { fr = \"…\", en = \"…\" }")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut pairs: Vec<(String, String)> = Vec::new();
        while let Some((lang, text)) = map.next_entry::<String, String>()? {
            if pairs.iter().any(|(l, _)| *l == lang) {
                return Err(serde::de::Error::custom(format!(
                    "language \"{lang}\" given twice"
                )));
            }
            pairs.push((lang, text));
        }
        Ok(Text(pairs))
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_map(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_first_language() {
        let mut t = Text::new([("en", "Hello"), ("fr", "Bonjour")]);
        t.reorder(&["fr".into(), "en".into()]);
        assert_eq!(t.get("en"), "Hello");
        assert_eq!(t.get("ar"), "Bonjour");
        assert!(t.has("fr") && !t.has("ar"));
        assert_eq!(Text::default().get("fr"), "");
    }
}
