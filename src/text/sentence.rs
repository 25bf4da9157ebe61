//! Blocks (title, headings, date lines, bullets, paragraphs) and sentences.
//!
//! Contract: blocks cover the non-blank lines of the text in order and never overlap; a
//! heading ("Fighting", "Trump presidency") is its own block and its own sentence, marked
//! [`BlockKind::Heading`] so that later stages skip it; a field's label and its value
//! ("Location: Kabul, Afghanistan") are text, not a heading. Sentences never cross a block
//! boundary; inside a block they are split after `.`, `!`, `?` or `…` unless the period
//! ends a known abbreviation ("Gen.", "Jan.") or an initial, or sits inside a quotation
//! that is closed later in the block. Numbers such as 4.3bn or 1.5 are single tokens and
//! never split.

use super::token::{tokenise, Token, TokenKind};
use rustc_hash::FxHashSet;

/// What a block of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The first line of a document when it reads as a title.
    Title,
    /// A short line introducing a section.
    Heading,
    /// A bullet item ("- ...", "• ...", "1. ...").
    Bullet,
    /// Running text.
    Paragraph,
}

/// A block: a byte span of the normalised text (bullet marker excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub start: u32,
    pub end: u32,
    pub kind: BlockKind,
}

/// A sentence: byte span, token range and the block it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
    pub tokens: std::ops::Range<u32>,
    pub block: u32,
    pub kind: BlockKind,
}

impl Sentence {
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading | BlockKind::Title)
    }
}

const TERMINAL: &[char] = &['.', '!', '?', ':', ';', '"', '\u{201D}', '\'', ')', '\u{2026}', ']'];
const FUNCTION_END: &[&str] = &[
    "of", "the", "a", "an", "to", "in", "on", "at", "and", "or", "for", "with", "by", "from", "as", "that", "which",
    "who", "is", "was", "were", "are", "has", "have", "had", "his", "her", "its", "their", "this", "but", "if",
];

fn bullet_marker(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let mut chars = trimmed.char_indices();
    let (_, c) = chars.next()?;
    if matches!(c, '-' | '*' | '\u{2022}' | '\u{2013}' | '\u{2014}' | '\u{00B7}' | '\u{25AA}' | '\u{25CF}' | '\u{25E6}')
    {
        let rest = &trimmed[c.len_utf8()..];
        if rest.starts_with(' ') {
            return Some(lead + c.len_utf8() + (rest.len() - rest.trim_start().len()));
        }
        return None;
    }
    // "1. text" or "2) text"
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &trimmed[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ")) && rest[2..].starts_with(|c: char| c.is_uppercase()) {
            return Some(lead + digits + 2 + (rest[2..].len() - rest[2..].trim_start().len()));
        }
    }
    None
}

/// Whether `line` is a heading; `next` gives the next non-blank line, asked for only when
/// the line itself may be one.
fn looks_like_heading<'a>(line: &str, next: impl FnOnce() -> Option<&'a str>) -> bool {
    let t = line.trim();
    let Some(last) = t.chars().next_back() else {
        return false;
    };
    if TERMINAL.contains(&last) || last == ',' {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    // Twelve words at most, the last not a function word (counted without collecting them).
    let (mut words, mut last) = (0, None);
    for w in t.split_whitespace().take(13) {
        words += 1;
        last = Some(w);
    }
    if words > 12 {
        return false;
    }
    if last.is_some_and(|w| FUNCTION_END.contains(&w.to_lowercase().as_str())) {
        return false;
    }
    // "Location: Kabul, Afghanistan": a field's label and its value, a fact rather than a
    // section's name.
    if let Some((label, value)) = t.split_once(": ") {
        if !value.trim().is_empty() && label.split_whitespace().count() <= 4 && !label.contains(['.', ',']) {
            return false;
        }
    }
    // A heading introduces something: the next non-blank line must exist and not continue
    // this line's sentence (it starts with a capital, a digit, a quote or a bullet).
    match next() {
        None => false,
        Some(n) => {
            let n = n.trim_start();
            bullet_marker(n).is_some()
                || n.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"\u{201C}'(".contains(c))
        }
    }
}

/// Split `text` into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    // Room for lines of 40 bytes on average (news paragraphs are longer), so that the list
    // seldom grows.
    let mut lines: Vec<(usize, &str)> = Vec::with_capacity(text.len() / 40 + 2);
    let mut pos = 0;
    // `text.split('\n')`, the line feeds found by `memchr`, many bytes a step.
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        lines.push((pos, &text[pos..end]));
        pos = end + 1;
    }
    // (At most a block a line.)
    let mut out: Vec<Block> = Vec::with_capacity(lines.len());
    let mut prev_blank = true;
    let mut first = true;
    for (idx, &(off, line)) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            prev_blank = true;
            continue;
        }
        let next = || lines[idx + 1..].iter().map(|&(_, l)| l).find(|l| !l.trim().is_empty());
        let lead = line.len() - line.trim_start().len();
        let end = off + line.trim_end().len();
        if let Some(m) = bullet_marker(line) {
            // An empty bullet ("- " alone on its line) holds nothing.
            if off + m < end {
                out.push(Block { start: (off + m) as u32, end: end as u32, kind: BlockKind::Bullet });
            }
        } else if looks_like_heading(line, next) {
            let kind = if first { BlockKind::Title } else { BlockKind::Heading };
            out.push(Block { start: (off + lead) as u32, end: end as u32, kind });
        } else {
            // Soft-wrapped running text continues the previous paragraph when that one
            // did not end a sentence and this line starts in lowercase.
            let continues = !prev_blank
                && line.trim_start().starts_with(|c: char| c.is_lowercase())
                && out.last().is_some_and(|b| {
                    matches!(b.kind, BlockKind::Paragraph | BlockKind::Bullet)
                        && !text[..b.end as usize].ends_with(TERMINAL)
                });
            if continues {
                if let Some(b) = out.last_mut() {
                    b.end = end as u32;
                }
            } else {
                out.push(Block { start: (off + lead) as u32, end: end as u32, kind: BlockKind::Paragraph });
            }
        }
        prev_blank = false;
        first = false;
    }
    out
}

/// The most tokens a sentence has. Real sentences stay far below it (a long one in news
/// has 60 to 80); longer runs (lists without punctuation, pasted tables, garbage) are cut
/// into pieces so that the work of later stages and the evidence quoted with each fact stay
/// bounded by this length instead of growing with the run.
pub const MAX_SENTENCE_TOKENS: usize = 160;

/// Where to end a piece of an overlong run starting at token `from`: after the last clause
/// punctuation (`,` `;` `:` or a dash) in the second half of the allowed length, or at the
/// length itself when there is none.
fn clause_cut(text: &str, toks: &[Token], from: usize) -> usize {
    let limit = from + MAX_SENTENCE_TOKENS;
    (from + MAX_SENTENCE_TOKENS / 2..limit)
        .rev()
        .find(|&i| {
            toks[i].kind == TokenKind::Punct
                && matches!(toks[i].text(text), "," | ";" | ":" | "-" | "\u{2013}" | "\u{2014}")
        })
        .map_or(limit, |i| i + 1)
}

/// Quote pairing inside a block: for each token index, whether it lies strictly inside a
/// closed quotation. Unclosed quotes are ignored.
fn quoted(text: &str, toks: &[Token]) -> Vec<bool> {
    let mut inside = vec![false; toks.len()];
    let mut open: Option<usize> = None;
    // The quotation marks, found in a loop of their own (most tokens are none).
    for (i, t) in toks.iter().enumerate().filter(|(_, t)| t.is_quote()) {
        let opening = match t.kind {
            TokenKind::OpenQuote => true,
            TokenKind::CloseQuote => false,
            TokenKind::Quote => {
                // A straight quote opens after whitespace or at the start, closes otherwise.
                open.is_none() && (t.space_before() || i == 0)
            }
            _ => continue,
        };
        let _ = text;
        match (opening, open) {
            (true, None) => open = Some(i),
            (true, Some(_)) => open = Some(i),
            (false, Some(o)) => {
                for q in inside.iter_mut().take(i).skip(o + 1) {
                    *q = true;
                }
                open = None;
            }
            (false, None) => {}
        }
    }
    inside
}

/// Tokenise the blocks of `text` and split them into sentences.
pub fn sentences(
    text: &str,
    blocks: &[Block],
    abbreviations: &FxHashSet<Box<str>>,
    tokens: &mut Vec<Token>,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let first_tok = tokens.len();
        tokenise(text, b.start as usize..b.end as usize, tokens);
        let toks = &tokens[first_tok..];
        if toks.is_empty() {
            continue;
        }
        let push = |out: &mut Vec<Sentence>, mut from: usize, to: usize| {
            while from < to {
                let cut = if to - from > MAX_SENTENCE_TOKENS { clause_cut(text, toks, from) } else { to };
                out.push(Sentence {
                    start: toks[from].start,
                    end: toks[cut - 1].end,
                    tokens: (first_tok + from) as u32..(first_tok + cut) as u32,
                    block: bi as u32,
                    kind: b.kind,
                });
                from = cut;
            }
        };
        if matches!(b.kind, BlockKind::Heading | BlockKind::Title) {
            push(&mut out, 0, toks.len());
            continue;
        }
        let inside = quoted(text, toks);
        // A closing quotation mark: a closing one, or a straight one glued to what it closes.
        let closes_quote = |j: usize| {
            toks.get(j)
                .is_some_and(|q| q.kind == TokenKind::CloseQuote || (q.kind == TokenKind::Quote && !q.space_before()))
        };
        let mut from = 0;
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            // Most tokens are not punctuation: their text is not looked at.
            if t.kind != TokenKind::Punct {
                i += 1;
                continue;
            }
            let s = t.text(text);
            // A full stop that closes a quotation ends the sentence too, when a capitalised
            // word follows (`had been "constructive." He recalled`): an attribution after
            // the quotation would follow a comma, not a full stop. Other stops inside a
            // quotation are the quotation's own.
            let quoted_stop = inside[i] && s == "." && closes_quote(i + 1);
            if inside[i] && !quoted_stop || !matches!(s, "." | "!" | "?" | "\u{2026}" | "...") {
                i += 1;
                continue;
            }
            // Closing quotes and brackets stay with this sentence.
            let mut end = i + 1;
            while end < toks.len()
                && (closes_quote(end) || (toks[end].kind == TokenKind::Punct && toks[end].text(text) == ")"))
            {
                end += 1;
            }
            if end >= toks.len() {
                break;
            }
            let next = toks[end];
            let next_ok = if quoted_stop {
                next.is_capitalised() && next.is_word()
            } else {
                next.is_capitalised()
                    || next.kind == TokenKind::Number
                    || matches!(next.kind, TokenKind::OpenQuote | TokenKind::Quote)
                    || (next.kind == TokenKind::Punct && matches!(next.text(text), "-" | "\u{2013}" | "\u{2014}" | "("))
            };
            let prev_abbrev = s == "." && i > 0 && !toks[i].space_before() && toks[i - 1].kind == TokenKind::Word && {
                let w = toks[i - 1].text(text);
                let single_initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
                let lower = w.to_ascii_lowercase();
                // "No. 10", but "… said no. She …": the numero only before a number.
                let numero = matches!(lower.as_str(), "no" | "nos");
                single_initial || abbreviations.contains(lower.as_str()) && (!numero || next.kind == TokenKind::Number)
            };
            if next_ok && !prev_abbrev {
                push(&mut out, from, end);
                from = end;
            }
            i = end;
        }
        push(&mut out, from, toks.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let abbr: FxHashSet<Box<str>> = ["gen", "jan", "mr", "dr", "st", "no"].iter().map(|s| (*s).into()).collect();
        let b = blocks(text);
        let mut toks = Vec::new();
        sentences(text, &b, &abbr, &mut toks)
            .iter()
            .map(|s| text[s.start as usize..s.end as usize].to_owned())
            .collect()
    }

    #[test]
    fn splits() {
        let cases: &[(&str, &[&str])] = &[
            ("Gen. Smith arrived. He left.", &["Gen. Smith arrived.", "He left."]),
            ("It cost $4.3bn in Jan. 2024. Then more.", &["It cost $4.3bn in Jan. 2024.", "Then more."]),
            ("“We’ll see. Why not?” he said. Then he left.", &["“We’ll see. Why not?” he said.", "Then he left."]),
            ("The U.S. said so. J. R. Smith agreed.", &["The U.S. said so.", "J. R. Smith agreed."]),
            ("He said “it is over. Done.", &["He said “it is over.", "Done."]),
            ("A rise of 1.5 percent. More.", &["A rise of 1.5 percent.", "More."]),
            (
                "It had been \"constructive.\" He left. “We’ll see.” Then he left.",
                &["It had been \"constructive.\"", "He left.", "“We’ll see.”", "Then he left."],
            ),
            ("“Why not?” Zelensky asked. “No.” he said.", &["“Why not?” Zelensky asked.", "“No.” he said."]),
            // The numero only before a number.
            (
                "He lives at No. 10 Downing Street. He said no. She left.",
                &["He lives at No. 10 Downing Street.", "He said no.", "She left."],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(split(input), *want, "input {input:?}");
        }
    }

    #[test]
    fn empty_bullets_make_no_block() {
        let text = "- Kyiv was shelled.\n- \n-  \t\n- Lviv too.\n";
        let b = blocks(text);
        assert!(b.iter().all(|b| b.start < b.end), "{b:?}");
        assert_eq!(split(text), ["Kyiv was shelled.", "Lviv too."]);
    }

    #[test]
    fn overlong_runs_are_cut_at_clauses() {
        let run: Vec<String> =
            (0..400).map(|i| if i % 100 == 99 { "Word,".to_owned() } else { "Word".to_owned() }).collect();
        let text = format!("{}.", run.join(" "));
        let pieces = split(&text);
        assert!(pieces.len() >= 3, "{} pieces", pieces.len());
        assert!(pieces.iter().all(|p| p.split_whitespace().count() <= MAX_SENTENCE_TOKENS));
        // The first piece ends at a comma, not in the middle of the clause.
        assert!(pieces[0].ends_with(','), "{:?}", &pieces[0][pieces[0].len() - 20..]);
        assert_eq!(pieces.iter().map(|p| p.split_whitespace().count()).sum::<usize>(), 400);
    }

    #[test]
    fn headings_and_bullets() {
        let text = "Title of the day\n\nFighting\n- Russia attacked.\n- Kyiv said so.\nSecurity\nLeaders agreed,\nand left.\nLast line without stop";
        let b = blocks(text);
        let kinds: Vec<(BlockKind, &str)> =
            b.iter().map(|b| (b.kind, &text[b.start as usize..b.end as usize])).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Title, "Title of the day"),
                (BlockKind::Heading, "Fighting"),
                (BlockKind::Bullet, "Russia attacked."),
                (BlockKind::Bullet, "Kyiv said so."),
                (BlockKind::Heading, "Security"),
                (BlockKind::Paragraph, "Leaders agreed,\nand left."),
                (BlockKind::Paragraph, "Last line without stop"),
            ]
        );
    }

    #[test]
    fn a_field_and_its_value_are_text() {
        let text = "Siege of the port\n\nLocation: Mokpo, South Korea\nResult: Ceasefire\n\nThe siege began in May.";
        let kinds: Vec<BlockKind> = blocks(text).iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Title, BlockKind::Paragraph, BlockKind::Paragraph, BlockKind::Paragraph]);
    }
}
