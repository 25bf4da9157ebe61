//! Aligned text tables for people to read (query results, stats): a header, a rule, and
//! rows, columns padded to the widest cell as a terminal shows it (wide characters count
//! two columns), separated by two spaces, without trailing spaces. Control characters
//! (line breaks, tabs) in cells are shown as spaces so that each row stays on one line.

use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// How a column is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table: column names, their alignment, rows of cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
}

/// A cell's text on one line.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

impl Table {
    /// A table with these columns, all left-aligned.
    pub fn new<S: AsRef<str>>(header: &[S]) -> Self {
        Table {
            header: header.iter().map(|h| one_line(h.as_ref())).collect(),
            align: vec![Align::Left; header.len()],
            rows: Vec::new(),
        }
    }

    /// Align column `i` (numbers read best right-aligned).
    pub fn align(mut self, i: usize, align: Align) -> Self {
        if let Some(a) = self.align.get_mut(i) {
            *a = align;
        }
        self
    }

    /// Add a row (missing cells are empty, extra cells ignored).
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        let mut row: Vec<String> = cells.iter().take(self.header.len()).map(|c| one_line(c.as_ref())).collect();
        row.resize(self.header.len(), String::new());
        self.rows.push(row);
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Write the header, a rule of dashes, and the rows.
    pub fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        let n = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
            let mut text = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = widths[i].saturating_sub(cell.width());
                if i > 0 {
                    text.push_str("  ");
                }
                match self.align[i] {
                    Align::Right => {
                        text.extend(std::iter::repeat_n(' ', pad));
                        text.push_str(cell);
                    }
                    Align::Left => {
                        text.push_str(cell);
                        if i + 1 < n {
                            text.extend(std::iter::repeat_n(' ', pad));
                        }
                    }
                }
            }
            writeln!(out, "{}", text.trim_end())
        };
        line(out, &self.header)?;
        let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w.max(1))).collect();
        line(out, &rule)?;
        for row in &self.rows {
            line(out, row)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(t: &Table) -> String {
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_are_aligned_by_display_width() {
        let mut t = Table::new(&["name", "n"]).align(1, Align::Right);
        t.row(&["Zelenskyy", "3"]);
        t.row(&["東京", "12"]);
        t.row(&["a\nb", ""]);
        assert_eq!(render(&t), "name        n\n---------  --\nZelenskyy   3\n東京       12\na b\n");
    }

    #[test]
    fn an_empty_table_has_its_header() {
        let t = Table::new(&["x", "y"]);
        assert_eq!(render(&t), "x  y\n-  -\n");
        assert_eq!(t.len(), 0);
    }
}
