//! Anexos: the search by file name, newest first, and the kind of a file for its icon.

use crate::text::{fold, Query};
use crate::Attachment;

/// The attachments whose name matches (accents and case ignored), newest first.
pub fn filter(items: &[Attachment], query: &str) -> Vec<usize> {
    let q = Query::new(query);
    let mut out: Vec<usize> = (0..items.len())
        .filter(|&i| q.is_empty() || q.matches_folded([fold(&items[i].file_name).as_str()]))
        .collect();
    super::newest_first(&mut out, items, |a| (a.created_at, a.id));
    out
}

/// What a file is, for its icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Image,
    Pdf,
    Document,
    Spreadsheet,
    Audio,
    Video,
    Archive,
    Text,
    Other,
}

pub fn kind(mime: &str) -> FileKind {
    let m = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match m.as_str() {
        "application/pdf" => FileKind::Pdf,
        "application/zip" | "application/x-7z-compressed" | "application/x-rar-compressed" | "application/gzip" => {
            FileKind::Archive
        }
        "text/csv"
        | "application/vnd.ms-excel"
        | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => FileKind::Spreadsheet,
        "application/msword" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            FileKind::Document
        }
        _ if m.starts_with("image/") => FileKind::Image,
        _ if m.starts_with("audio/") => FileKind::Audio,
        _ if m.starts_with("video/") => FileKind::Video,
        _ if m.starts_with("text/") => FileKind::Text,
        _ => FileKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AttachmentOrigin;

    fn a(id: i64, name: &str, at: i64) -> Attachment {
        Attachment {
            id,
            case_id: 1,
            file_name: name.into(),
            mime_type: "application/pdf".into(),
            size_bytes: 1,
            origin: AttachmentOrigin {
                kind: "upload".into(),
                channel: None,
                uploaded_by: None,
            },
            created_at: at,
        }
    }

    #[test]
    fn search_by_name_newest_first() {
        let items = vec![
            a(1, "Fatura-Outubro.pdf", 10),
            a(2, "extrato.png", 30),
            a(3, "comprovante_fatura.jpg", 20),
        ];
        assert_eq!(filter(&items, ""), vec![1, 2, 0]);
        assert_eq!(filter(&items, "FATURA"), vec![2, 0]);
        assert_eq!(filter(&items, "fatura outubro"), vec![0]);
        assert!(filter(&items, "contrato").is_empty());
    }

    #[test]
    fn kinds_from_mime_types() {
        assert_eq!(kind("application/pdf"), FileKind::Pdf);
        assert_eq!(kind("IMAGE/PNG; charset=x"), FileKind::Image);
        assert_eq!(kind("text/csv"), FileKind::Spreadsheet);
        assert_eq!(kind("audio/ogg"), FileKind::Audio);
        assert_eq!(kind(""), FileKind::Other);
    }
}
