//! The compiled pack in a compact binary form, built ahead (`eligo-rules build`, the app's build
//! script) so the browser needs neither a text-format parser nor the compiler: it only reads this
//! form back ([`Pack::from_bytes`]). Reading never trusts the file: every length is bounded by the
//! bytes left, every reference is checked against the pack, and a circular definition is refused,
//! so a damaged or hand-made file gives an error, never a panic or an endless evaluation.
//!
//! Layout: [`MAGIC`], then the pack's fields in declaration order. Integers are LEB128 varints
//! (signed ones zigzag-encoded), decimals a mantissa and a scale, texts a length and UTF-8 bytes,
//! options a 0/1 tag, lists a length then the items, enums a variant number.

use crate::date::Date;
use crate::decimal_input::Dec;
use crate::expr::ast::{ArithOp, CmpOp, Node};
use crate::guide::{Document, GlossaryEntry, NextStep};
use crate::handover::Handover;
use crate::opening_hours::{OpeningHours, Rule};
use crate::pack::{Advice, Aid, AmountRule, Criterion, Derived, Pack, Parameter, Question, Window};
use crate::schema::{
    AidKind, AidStatus, AmountKind, Bound, Choice, Contact, DatedValue, DerivedKind,
    ParameterStatus, Period, Place, QuestionKind, Rounding, Safety, Source, Territory, Unit,
};
use crate::text::Text;
use crate::words::Words;
use rust_decimal::Decimal;

/// First bytes of every pack file: "ELIGO", then the format version. Bump the version whenever
/// the layout changes, so an old file is refused with a clear message instead of misread.
pub const MAGIC: &[u8; 6] = b"ELIGO\x05";

/// Deepest expression accepted: the checker's own limit, so whatever it accepts reads back.
const MAX_DEPTH: usize = crate::limits::MAX_EXPR_DEPTH;

/// Why a pack file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a pack file at all (text, HTML page, image...).
    NotAPack,
    /// A pack file of another format version.
    OtherVersion(u8),
    /// Cut short or altered: the byte offset where reading failed.
    Damaged(usize),
    /// Read, but a reference or a definition is wrong, or a limit of [`crate::limits`] is
    /// exceeded: which one.
    Inconsistent(String),
    /// Larger than [`crate::limits::MAX_PACK_BYTES`]: its size in bytes.
    TooLarge(usize),
}

impl core::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            DecodeError::NotAPack => f.write_str(
                "this is not a pack file written by `eligo-rules build` (check the address, and build the pack with the command)",
            ),
            DecodeError::OtherVersion(v) => write!(
                f,
                "this pack file was written by another version of Eligo (format {v}, this app reads format {}): build it again with this version's `eligo-rules build`",
                MAGIC[5]
            ),
            DecodeError::Damaged(at) => write!(
                f,
                "this pack file is damaged (it cannot be read past byte {at}): build it again with `eligo-rules build`"
            ),
            DecodeError::Inconsistent(what) => write!(
                f,
                "this pack file is inconsistent ({what}): build it again with `eligo-rules build`"
            ),
            DecodeError::TooLarge(size) => write!(
                f,
                "this pack file is {size} bytes, more than the limit of {} bytes",
                crate::limits::MAX_PACK_BYTES
            ),
        }
    }
}

impl Pack {
    /// The pack in its binary form (see the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer(MAGIC.to_vec(), None, false);
        self.put(&mut w);
        w.0
    }

    /// The pack in its binary form with its texts in one language only: `lang` where the pack has the
    /// text, else the reference language (what [`Text::get`] would give). A resident's phone then
    /// downloads one language, not all of them.
    /// The rules as written (conditions, formulas) are left out too: the app shows a rule's sentence, never
    /// its text, and evaluates the compiled form; so are the sources of parameter values (the app shows an
    /// aid's sources, never a parameter's: `check`, `explain` and the studio read them from the pack's text).
    pub fn to_bytes_in(&self, lang: &str) -> Vec<u8> {
        let mut pack = self.clone();
        pack.forget_rules_as_written();
        pack.keep_glossary_used_in(&[lang]);
        pack.keep_words_of(lang);
        let mut w = Writer(MAGIC.to_vec(), Some(lang.to_string()), false);
        pack.put(&mut w);
        w.0
    }

    /// The same with the reference language's texts too (reference first, `lang` second): for a language
    /// whose translation a native speaker has not reviewed yet, the resident can read the reference
    /// (French) text of every card, without another download.
    pub fn to_bytes_in_with_reference(&self, lang: &str) -> Vec<u8> {
        let mut pack = self.clone();
        pack.forget_rules_as_written();
        let reference = pack.languages.first().cloned().unwrap_or_default();
        pack.keep_glossary_used_in(&[lang, reference.as_str()]);
        // The reference texts are the pack's own (the French text of a card); the engine's words serve the
        // interface language only.
        pack.keep_words_of(lang);
        let mut w = Writer(MAGIC.to_vec(), Some(lang.to_string()), true);
        pack.put(&mut w);
        w.0
    }

    /// Keeps the glossary terms some text of the pack uses in one of `langs`: the others would only weigh.
    fn keep_glossary_used_in(&mut self, langs: &[&str]) {
        let mut used: Vec<usize> = langs
            .iter()
            .flat_map(|lang| crate::guide::glossary_used(self, lang))
            .collect();
        used.sort_unstable();
        used.dedup();
        self.glossary = (self.glossary.iter().enumerate())
            .filter(|(i, _)| used.binary_search(i).is_ok())
            .map(|(_, g)| g.clone())
            .collect();
    }

    /// Keeps the engine's words in `lang` only (the reference language's when the pack has not `lang`,
    /// what [`Pack::words_in`] would give).
    fn keep_words_of(&mut self, lang: &str) {
        self.words = vec![self.words_in(lang).clone()];
    }

    fn forget_rules_as_written(&mut self) {
        for question in &mut self.questions {
            if let Some(ask_if) = &mut question.ask_if {
                ask_if.clear();
            }
        }
        for derived in &mut self.derived {
            derived.formula.clear();
        }
        for aid in &mut self.aids {
            aid.criteria.iter_mut().for_each(|c| c.when.clear());
            aid.advice.iter_mut().for_each(|a| a.when.clear());
            if let Some(amount) = &mut aid.amount {
                amount.formula.clear();
            }
        }
        // Half a kilobyte of the first load (gzip), for nothing the app shows; a value's date, verification
        // and "to confirm" stay (a verdict depends on them).
        for value in self.parameters.iter_mut().flat_map(|p| &mut p.values) {
            value.source.clear();
            value.url = None;
        }
        // The app asks the hours read ahead (`Pack::hours`), never the text.
        for place in &mut self.places {
            place.opening_hours = None;
        }
        for step in &mut self.next_steps {
            if let Some(when) = &mut step.when {
                when.clear();
            }
        }
    }

    /// Reads a pack written by [`Pack::to_bytes`], checking every reference.
    pub fn from_bytes(bytes: &[u8]) -> Result<Pack, DecodeError> {
        if bytes.len() > crate::limits::MAX_PACK_BYTES {
            return Err(DecodeError::TooLarge(bytes.len()));
        }
        let body = match bytes {
            [b'E', b'L', b'I', b'G', b'O', version, body @ ..] if *version == MAGIC[5] => body,
            [b'E', b'L', b'I', b'G', b'O', version, ..] => {
                return Err(DecodeError::OtherVersion(*version));
            }
            _ => return Err(DecodeError::NotAPack),
        };
        let mut r = Reader {
            bytes: body,
            pos: 0,
            depth: 0,
            too_long: false,
        };
        let pack = Pack::get(&mut r).map_err(|()| {
            if r.depth > MAX_DEPTH {
                DecodeError::Inconsistent(format!(
                    "an expression more than {MAX_DEPTH} levels deep, the limit"
                ))
            } else if r.too_long {
                DecodeError::Inconsistent(
                    "a list or a text longer than the limits of `eligo-rules check`".to_string(),
                )
            } else {
                DecodeError::Damaged(r.pos + MAGIC.len())
            }
        })?;
        if r.pos != body.len() {
            return Err(DecodeError::Damaged(r.pos + MAGIC.len()));
        }
        check_references(&pack).map_err(DecodeError::Inconsistent)?;
        // The link schemes and chains the checker allows: a hand-made file gets no further than a
        // checked pack.
        crate::limits::check_read(&pack).map_err(DecodeError::Inconsistent)?;
        Ok(pack)
    }
}

/// Every index a node or an aid holds points into the pack, and nothing depends on itself.
fn check_references(pack: &Pack) -> Result<(), String> {
    let (nq, nd, np) = (
        pack.questions.len(),
        pack.derived.len(),
        pack.parameters.len(),
    );
    let node_ok = |node: &Node| {
        let mut ok = true;
        node.for_each_reference(&mut |r| {
            ok &= match r {
                Node::Question(i) => *i < nq,
                Node::Derived(i) => *i < nd,
                Node::Parameter(i) => *i < np,
                _ => true,
            }
        });
        ok
    };
    let bad =
        |what: &str, id: &str| Err(format!("{what} {id} refers to something not in the pack"));
    for q in &pack.questions {
        if !q.ask_if_node.as_ref().is_none_or(node_ok) {
            return bad("question", &q.id);
        }
    }
    for d in &pack.derived {
        if !node_ok(&d.node) {
            return bad("derived value", &d.id);
        }
    }
    for aid in &pack.aids {
        let nodes_ok = aid.criteria.iter().all(|c| node_ok(&c.node))
            && aid.advice.iter().all(|a| node_ok(&a.node))
            && aid.amount.as_ref().is_none_or(|a| {
                node_ok(&a.node)
                    && a.parameters.iter().all(|&p| p < np)
                    && a.up_to_node.as_ref().is_none_or(node_ok)
                    && a.up_to_parameters.iter().all(|&p| p < np)
            })
            && aid.criteria_parameters.iter().all(|&p| p < np);
        if !nodes_ok {
            return bad("aid", &aid.id);
        }
    }
    if pack.words.is_empty() || !pack.words.iter().all(Words::complete) {
        return Err("the engine's words are missing or incomplete".to_string());
    }
    if pack.hours.len() != pack.places.len()
        || !pack.hours.iter().flatten().all(OpeningHours::in_range)
    {
        return Err("opening hours out of range".to_string());
    }
    for step in &pack.next_steps {
        if !step.node.as_ref().is_none_or(node_ok) {
            return bad("next step", &step.id);
        }
    }
    match crate::pack::cycles(&pack.questions, &pack.derived).first() {
        Some((_, cycle)) => Err(format!("circular definition: {}", cycle.join(" -> "))),
        None => Ok(()),
    }
}

/// The bytes written so far; the one language kept (all when `None`); whether the reference language is kept beside it.
struct Writer(Vec<u8>, Option<String>, bool);

impl Writer {
    fn uint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    /// A list or a text went beyond the checker's limits (named in the error).
    too_long: bool,
}

/// Reading fails without detail: the reader's position says where.
type Got<T> = Result<T, ()>;

impl Reader<'_> {
    fn byte(&mut self) -> Got<u8> {
        let b = *self.bytes.get(self.pos).ok_or(())?;
        self.pos += 1;
        Ok(b)
    }

    fn uint(&mut self) -> Got<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(())
    }

    /// A length or an index, bounded by the bytes left (every item takes at least one byte).
    fn len(&mut self) -> Got<usize> {
        let n = self.uint()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(());
        }
        Ok(n as usize)
    }

    /// A variant number below `count`.
    fn tag(&mut self, count: u8) -> Got<u8> {
        let t = self.byte()?;
        if t < count { Ok(t) } else { Err(()) }
    }
}

/// A value with a binary form.
trait Code: Sized {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader<'_>) -> Got<Self>;
}

impl Code for u64 {
    fn put(&self, w: &mut Writer) {
        w.uint(*self);
    }
    fn get(r: &mut Reader<'_>) -> Got<u64> {
        r.uint()
    }
}

impl Code for usize {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
    fn get(r: &mut Reader<'_>) -> Got<usize> {
        usize::try_from(r.uint()?).map_err(|_| ())
    }
}

impl Code for u32 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn get(r: &mut Reader<'_>) -> Got<u32> {
        u32::try_from(r.uint()?).map_err(|_| ())
    }
}

impl Code for u8 {
    fn put(&self, w: &mut Writer) {
        w.0.push(*self);
    }
    fn get(r: &mut Reader<'_>) -> Got<u8> {
        r.byte()
    }
}

impl Code for i8 {
    fn put(&self, w: &mut Writer) {
        w.0.push(*self as u8);
    }
    fn get(r: &mut Reader<'_>) -> Got<i8> {
        r.byte().map(|b| b as i8)
    }
}

impl Code for u16 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn get(r: &mut Reader<'_>) -> Got<u16> {
        u16::try_from(r.uint()?).map_err(|_| ())
    }
}

impl Code for bool {
    fn put(&self, w: &mut Writer) {
        w.0.push(u8::from(*self));
    }
    fn get(r: &mut Reader<'_>) -> Got<bool> {
        Ok(r.tag(2)? == 1)
    }
}

impl Code for String {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        w.0.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader<'_>) -> Got<String> {
        let n = r.len()?;
        // The longest text the checker accepts, each character in up to 4 bytes of UTF-8.
        if n > 4 * crate::limits::MAX_TEXT_CHARS {
            r.too_long = true;
            return Err(());
        }
        let s = core::str::from_utf8(&r.bytes[r.pos..r.pos + n]).map_err(|_| ())?;
        r.pos += n;
        Ok(s.to_string())
    }
}

impl<T: Code> Code for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.0.push(0),
            Some(v) => {
                w.0.push(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Got<Option<T>> {
        Ok(match r.tag(2)? {
            0 => None,
            _ => Some(T::get(r)?),
        })
    }
}

impl<T: Code> Code for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader<'_>) -> Got<Vec<T>> {
        // A plain loop: `collect` into a `Result` adds an adapter per item type to the wasm. No
        // capacity reserved ahead: a damaged length must not allocate more than the items read.
        let n = r.len()?;
        // The longest list the checker accepts (items of a kind; lists inside an item are shorter).
        if n > crate::limits::MAX_ITEMS {
            r.too_long = true;
            return Err(());
        }
        let mut items = Vec::new();
        for _ in 0..n {
            items.push(T::get(r)?);
        }
        Ok(items)
    }
}

impl<A: Code, B: Code> Code for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Got<(A, B)> {
        Ok((A::get(r)?, B::get(r)?))
    }
}

impl<T: Code> Code for Box<T> {
    fn put(&self, w: &mut Writer) {
        (**self).put(w);
    }
    fn get(r: &mut Reader<'_>) -> Got<Box<T>> {
        T::get(r).map(Box::new)
    }
}

impl Code for Decimal {
    fn put(&self, w: &mut Writer) {
        let m = self.mantissa();
        // Zigzag: small negative mantissas stay short too.
        let z = ((m << 1) ^ (m >> 127)) as u128;
        (z as u64).put(w);
        ((z >> 64) as u64).put(w);
        w.0.push(self.scale() as u8);
    }
    fn get(r: &mut Reader<'_>) -> Got<Decimal> {
        let z = u128::from(r.uint()?) | (u128::from(r.uint()?) << 64);
        let m = (z >> 1) as i128 ^ -((z & 1) as i128);
        let scale = r.byte()?;
        Decimal::try_from_i128_with_scale(m, u32::from(scale)).map_err(|_| ())
    }
}

impl Code for Dec {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Got<Dec> {
        Decimal::get(r).map(Dec)
    }
}

impl Code for Date {
    fn put(&self, w: &mut Writer) {
        (self.year() as u32).put(w);
        w.0.push(self.month() as u8);
        w.0.push(self.day() as u8);
    }
    fn get(r: &mut Reader<'_>) -> Got<Date> {
        let y = i32::try_from(u32::get(r)?).map_err(|_| ())?;
        let (m, d) = (r.byte()?, r.byte()?);
        Date::new(y, u32::from(m), u32::from(d)).ok_or(())
    }
}

impl Code for Text {
    fn put(&self, w: &mut Writer) {
        match &w.1 {
            None => self.pairs().put(w),
            Some(lang) => {
                let pair = self
                    .pairs()
                    .iter()
                    .find(|(l, _)| self.has(lang) && l == lang)
                    .or(self.pairs().first());
                let mut kept: Vec<(String, String)> =
                    self.pairs().first().cloned().into_iter().collect();
                match pair {
                    // The reference first (the fallback of `Text::get`), then the language's own text.
                    Some(p) if w.2 && p.0 != kept[0].0 => kept.push(p.clone()),
                    Some(p) => kept = vec![p.clone()],
                    None => {}
                }
                kept.put(w);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Got<Text> {
        Vec::<(String, String)>::get(r).map(Text::from_pairs)
    }
}

/// Fields in declaration order, written and read alike; `skip` fields are rebuilt after reading.
macro_rules! code_struct {
    ($ty:ident { $($field:ident),* $(; $($skip:ident),*)? }) => {
        impl Code for $ty {
            fn put(&self, w: &mut Writer) {
                $(self.$field.put(w);)*
            }
            fn get(r: &mut Reader<'_>) -> Got<$ty> {
                Ok($ty {
                    $($field: Code::get(r)?,)*
                    $($($skip: Default::default(),)*)?
                })
            }
        }
    };
}

/// Field-less enums, by variant number.
macro_rules! code_enum {
    ($ty:ident { $($variant:ident),* }) => {
        impl Code for $ty {
            fn put(&self, w: &mut Writer) {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                w.0.push(ALL.iter().position(|v| v == self).unwrap_or(0) as u8);
            }
            fn get(r: &mut Reader<'_>) -> Got<$ty> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                Ok(ALL[usize::from(r.tag(ALL.len() as u8)?)])
            }
        }
    };
}

code_enum!(Unit {
    Eur,
    EurMonth,
    EurYear,
    EurDay,
    Count,
    Years,
    Months,
    Percent
});
code_enum!(ParameterStatus { Found, NotFound });
code_enum!(QuestionKind {
    YesNo,
    Integer,
    Money,
    Date,
    OneOf,
    SeveralOf
});
code_enum!(DerivedKind {
    Number,
    Money,
    YesNo,
    Date
});
code_enum!(Rounding {
    Cent,
    EuroDown,
    EuroNearest,
    EuroUp,
    None
});
code_enum!(AidKind { Aid, Service, Info });
code_enum!(AidStatus {
    Active,
    Experimental,
    UnderStudy,
    Closed
});
code_enum!(AmountKind { Exact, UpTo });
code_enum!(Period {
    Once,
    Month,
    Quarter,
    Year
});
code_enum!(CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne
});
code_enum!(ArithOp { Add, Sub, Mul, Div });

code_struct!(Pack {
    id,
    version,
    languages,
    territory,
    questions,
    derived,
    parameters,
    places,
    aids,
    safety,
    next_steps,
    glossary,
    hours,
    handover,
    words
});
code_struct!(Words {
    lang,
    texts,
    months,
    days
});
code_struct!(OpeningHours { rules });
code_struct!(Rule {
    months,
    weekdays,
    holiday,
    times
});
code_struct!(NextStep {
    id,
    when,
    if_no_aid,
    text,
    place,
    number,
    node
});
code_struct!(GlossaryEntry { term, expansion });
code_struct!(Document {
    paper,
    where_to_get,
    place,
    to_confirm
});
code_struct!(Handover { public_key });
code_struct!(Territory {
    name,
    insee,
    department
});
code_struct!(Question {
    id,
    kind,
    label,
    help,
    ask_if,
    dont_know,
    options,
    min,
    max,
    unit,
    grows_with_time,
    sensitive,
    ask_if_node
});
code_struct!(Choice {
    id,
    label,
    exclusive
});
code_struct!(Derived {
    id,
    kind,
    label,
    formula,
    round,
    node
});
code_struct!(Parameter {
    id,
    label,
    unit,
    status,
    values
});
code_struct!(DatedValue {
    from,
    value,
    source,
    url,
    verified,
    to_confirm
});
code_struct!(Place {
    id,
    name,
    address,
    phone,
    email,
    website,
    hours,
    opening_hours,
    to_confirm
});
code_struct!(Aid {
    id,
    name,
    institution,
    summary,
    kind,
    status,
    window,
    places,
    how_to_apply,
    documents,
    checks,
    sources,
    criteria,
    amount,
    advice,
    criteria_parameters
});
code_struct!(Window { from, to });
code_struct!(Source {
    title,
    url,
    verified
});
code_struct!(Criterion { when, label, node });
code_struct!(AmountRule {
    formula,
    round,
    kind,
    period,
    max_months,
    node,
    parameters,
    up_to,
    up_to_node,
    up_to_parameters
});
code_struct!(Advice { when, text, node });
code_struct!(Safety {
    title,
    intro,
    contacts
});
code_struct!(Contact {
    number,
    sms,
    url,
    label
});

impl Code for Bound {
    fn put(&self, w: &mut Writer) {
        match self {
            Bound::Number(n) => {
                w.0.push(0);
                n.put(w);
            }
            Bound::Date(d) => {
                w.0.push(1);
                d.put(w);
            }
            Bound::Today => w.0.push(2),
        }
    }
    fn get(r: &mut Reader<'_>) -> Got<Bound> {
        Ok(match r.tag(3)? {
            0 => Bound::Number(Decimal::get(r)?),
            1 => Bound::Date(Date::get(r)?),
            _ => Bound::Today,
        })
    }
}

impl Code for Node {
    fn put(&self, w: &mut Writer) {
        w.0.push(node_tag(self));
        match self {
            Node::Number(n) => n.put(w),
            Node::Bool(b) => b.put(w),
            Node::Date(d) => d.put(w),
            Node::Today => {}
            Node::Question(i) | Node::Derived(i) | Node::Parameter(i) => i.put(w),
            Node::Not(a)
            | Node::Neg(a)
            | Node::YearsSince(a)
            | Node::MonthsSince(a)
            | Node::Round(a) => a.put(w),
            Node::And(a, b) | Node::Or(a, b) => {
                a.put(w);
                b.put(w);
            }
            Node::Cmp(op, a, b) => {
                op.put(w);
                a.put(w);
                b.put(w);
            }
            Node::Arith(op, a, b) => {
                op.put(w);
                a.put(w);
                b.put(w);
            }
            Node::In {
                question,
                options,
                negate,
            } => {
                question.put(w);
                options.put(w);
                negate.put(w);
            }
            Node::Has { question, option } => {
                question.put(w);
                option.put(w);
            }
            Node::Min(args) | Node::Max(args) => args.put(w),
            Node::If(c, a, b) => {
                c.put(w);
                a.put(w);
                b.put(w);
            }
        }
    }

    fn get(r: &mut Reader<'_>) -> Got<Node> {
        r.depth += 1;
        if r.depth > MAX_DEPTH {
            return Err(());
        }
        let b = |r: &mut Reader<'_>| Box::<Node>::get(r);
        let node = match r.tag(21)? {
            0 => Node::Number(Decimal::get(r)?),
            1 => Node::Bool(bool::get(r)?),
            2 => Node::Date(Date::get(r)?),
            3 => Node::Today,
            4 => Node::Question(usize::get(r)?),
            5 => Node::Derived(usize::get(r)?),
            6 => Node::Parameter(usize::get(r)?),
            7 => Node::Not(b(r)?),
            8 => Node::And(b(r)?, b(r)?),
            9 => Node::Or(b(r)?, b(r)?),
            10 => Node::Cmp(CmpOp::get(r)?, b(r)?, b(r)?),
            11 => Node::In {
                question: usize::get(r)?,
                options: Vec::get(r)?,
                negate: bool::get(r)?,
            },
            12 => Node::Has {
                question: usize::get(r)?,
                option: String::get(r)?,
            },
            13 => Node::Arith(ArithOp::get(r)?, b(r)?, b(r)?),
            14 => Node::Neg(b(r)?),
            15 => Node::Min(Vec::get(r)?),
            16 => Node::Max(Vec::get(r)?),
            17 => Node::If(b(r)?, b(r)?, b(r)?),
            18 => Node::YearsSince(b(r)?),
            19 => Node::MonthsSince(b(r)?),
            _ => Node::Round(b(r)?),
        };
        r.depth -= 1;
        Ok(node)
    }
}

/// The variant number of a node in the binary form (read back by `Node::get`).
fn node_tag(node: &Node) -> u8 {
    match node {
        Node::Number(_) => 0,
        Node::Bool(_) => 1,
        Node::Date(_) => 2,
        Node::Today => 3,
        Node::Question(_) => 4,
        Node::Derived(_) => 5,
        Node::Parameter(_) => 6,
        Node::Not(_) => 7,
        Node::And(..) => 8,
        Node::Or(..) => 9,
        Node::Cmp(..) => 10,
        Node::In { .. } => 11,
        Node::Has { .. } => 12,
        Node::Arith(..) => 13,
        Node::Neg(_) => 14,
        Node::Min(_) => 15,
        Node::Max(_) => 16,
        Node::If(..) => 17,
        Node::YearsSince(_) => 18,
        Node::MonthsSince(_) => 19,
        Node::Round(_) => 20,
    }
}
