//! Property-based fuzzing (proptest) of the functions that read text users or servers wrote:
//! phone numbers, search queries and highlighting, file names and zip names, URL query state,
//! dates and durations, the event stream's framing. Each property runs `CASES` generated inputs (shrunk to a minimal one on
//! failure) and asserts more than "no panic" where an invariant exists.

use chrono::{FixedOffset, NaiveDate};
use cvortex_domain::list::{calls, customer::CustomerFilter, history::HistoryFilter, window::window};
use cvortex_domain::text::{clip, fold, Query};
use cvortex_domain::{files, format, phone, search, sse, zip};
use proptest::prelude::*;

/// Inputs per property (docs/reliability.md counts them).
const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any text, weighted towards what breaks text code: digits and phone punctuation, accents and
/// case changes that change byte lengths (İ, ß, ﬁ), bidi and zero-width characters, separators.
fn text() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        Just('İ'),
        Just('ß'),
        Just('ﬁ'),
        Just('Σ'),
        Just('\u{202E}'),
        Just('\u{200B}'),
        Just('\u{FEFF}'),
        Just('/'),
        Just('\\'),
        Just('.'),
        Just(' '),
        Just('+'),
        Just('('),
        Just('-'),
        Just('ã'),
        Just('Ç'),
        Just('😀'),
        Just('\u{0}'),
        Just('\n'),
    ];
    prop::collection::vec(
        prop_oneof![3 => tricky, 3 => prop::char::range('0', '9'), 2 => prop::char::range('a', 'z'), 2 => any::<char>()],
        0..80,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    let key = prop_oneof![
        Just("h_busca"),
        Just("h_usuario"),
        Just("h_canal"),
        Just("h_acao"),
        Just("h_comentario"),
        Just("h_comentario_texto"),
        Just("h_ordem"),
        Just("l_telefone"),
        Just("l_status"),
        Just("l_usuario"),
        Just("l_de"),
        Just("l_ate"),
        Just("c_busca"),
        Just("c_ordem"),
        Just("c_sentido"),
    ]
    .prop_map(str::to_owned);
    let value = prop_oneof![
        3 => text(),
        1 => Just("com".to_owned()),
        1 => Just("sem".to_owned()),
        1 => Just("antigos".to_owned()),
        1 => Just("asc".to_owned()),
        1 => Just("assunto".to_owned()),
        1 => "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
    ];
    prop::collection::vec((key, value), 0..12)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn phones_normalize_to_digits_and_match_themselves(raw in text()) {
        let c = phone::canonical(&raw);
        prop_assert!(c.bytes().all(|b| b.is_ascii_digit()));
        prop_assert!(phone::matches(&raw, &raw));
        let _ = phone::display(&raw);
        let masked = phone::masked(&raw);
        if c.len() > 4 {
            // a masked number always hides some digits
            let shown = masked.bytes().filter(u8::is_ascii_digit).count();
            prop_assert!(shown < c.len(), "{masked} shows all of {c}");
        }
    }

    /// One Brazilian number written the ways agents and systems write it is one number, and a
    /// number one digit away is another. Breaks it names: a canonical form that keeps the trunk
    /// "0", drops or doubles the country code, or compares the written text fails here.
    #[test]
    fn one_number_written_many_ways_is_the_same_number(
        ddd_digits in (1u32..10, 1u32..10), mobile in any::<bool>(), local in 0u32..100_000_000, way in prop::collection::vec(0usize..7, 2),
        flip in any::<prop::sample::Index>(),
    ) {
        // an area code is two digits from 1 to 9 (generated, not filtered: rejections would
        // abort the run past proptest's limit)
        let ddd = ddd_digits.0 * 10 + ddd_digits.1;
        let local = if mobile { format!("9{local:08}") } else { format!("{:08}", 20_000_000 + local % 80_000_000) };
        let (head, tail) = local.split_at(local.len() - 4);
        let written = |w: usize| match w {
            0 => format!("+55 ({ddd}) {head}-{tail}"),
            1 => format!("({ddd}) {head}-{tail}"),
            2 => format!("{ddd} {head} {tail}"),
            3 => format!("55{ddd}{local}"),
            4 => format!("0{ddd} {head}-{tail}"),
            5 => format!("+55{ddd}{local}"),
            _ => format!(" +55 {ddd} {head}.{tail} "),
        };
        let (a, b) = (written(way[0]), written(way[1]));
        prop_assert!(phone::same_number(&a, &b), "{a} and {b}");
        prop_assert_eq!(phone::canonical(&a), format!("55{ddd}{local}"));
        prop_assert_eq!(phone::display(&b), format!("+55 ({ddd}) {head}-{tail}"));
        let partial = format!("{ddd} {head}");
        prop_assert!(phone::matches(&a, tail) && phone::matches(&a, &partial), "{} in {}", partial, a);
        // one digit of the local number changed: another number
        let mut other: Vec<u8> = local.clone().into_bytes();
        let i = flip.index(other.len());
        other[i] = b'0' + (other[i] - b'0' + 1) % 10;
        let other = String::from_utf8(other).unwrap();
        prop_assert!(!phone::same_number(&a, &format!("({ddd}) {other}")), "{a} vs {other}");
    }

    #[test]
    fn a_piece_of_a_text_always_finds_it(hay in text(), a in 0usize..80, len in 0usize..20) {
        let chars: Vec<char> = hay.chars().collect();
        let a = a.min(chars.len());
        let b = (a + len).min(chars.len());
        let piece: String = chars[a..b].iter().collect();
        prop_assert!(Query::new(&piece).matches(&[&hay]), "{piece:?} in {hay:?}");
        prop_assert!(Query::new(&piece).matches_folded([fold(&hay).as_str()]));
    }

    #[test]
    fn highlights_cut_the_text_on_char_boundaries(hay in text(), q in text()) {
        let query = Query::new(&q);
        let ranges = search::highlight_ranges(&hay, &query);
        let mut last_end = 0;
        for &(s, e) in &ranges {
            prop_assert!(s < e && e <= hay.len() && s >= last_end, "{ranges:?} in {} bytes", hay.len());
            prop_assert!(hay.is_char_boundary(s) && hay.is_char_boundary(e));
            last_end = e;
        }
        let pieces = search::highlight(&hay, &query);
        prop_assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), hay);
    }

    /// A query taken from the text itself (most random queries highlight nothing): every word of
    /// it is highlighted somewhere, each highlight holds a word, and typing it in capitals changes
    /// nothing. Breaks it names: highlighting that is case- or accent-sensitive, that marks the
    /// wrong bytes, or that drops a word fails here.
    #[test]
    fn a_query_from_the_text_highlights_each_of_its_words(hay in text(), at in any::<prop::sample::Index>(), len in 1usize..20) {
        let chars: Vec<char> = hay.chars().collect();
        let a = if chars.is_empty() { 0 } else { at.index(chars.len()) };
        let piece: String = chars[a..(a + len).min(chars.len())].iter().collect();
        let query = Query::new(&piece);
        if query.is_empty() {
            // an empty text or a piece of blanks: nothing to look for
            return Ok(());
        }
        let ranges = search::highlight_ranges(&hay, &query);
        let marked: Vec<String> = ranges.iter().map(|&(s, e)| fold(&hay[s..e])).collect();
        for w in query.words() {
            prop_assert!(marked.iter().any(|m| m.contains(w.as_str())), "{w:?} not marked in {hay:?}: {ranges:?}");
        }
        for m in &marked {
            prop_assert!(query.words().iter().any(|w| m.contains(w.as_str())), "{m:?} marked for no word of {piece:?}");
        }
        let shouted = Query::new(&piece.to_ascii_uppercase());
        prop_assert_eq!(search::highlight_ranges(&hay, &shouted), ranges);
    }

    #[test]
    fn clip_keeps_a_prefix_and_counts_the_rest(s in text(), max in 0usize..100) {
        let (head, rest) = clip(&s, max);
        prop_assert!(s.starts_with(head));
        let n = s.chars().count();
        prop_assert_eq!(head.chars().count(), n.min(max));
        prop_assert_eq!(rest, n - n.min(max));
    }

    #[test]
    fn safe_file_names_are_safe_and_stable(raw in text()) {
        let name = files::safe_file_name(&raw);
        prop_assert!(!name.is_empty() && name.chars().count() <= 180);
        prop_assert!(!name.starts_with('.') && !name.ends_with('.') && !name.ends_with(' '));
        let unsafe_char = |c: char| c.is_control() || "/\\<>:\"|?*\u{202E}\u{200B}\u{FEFF}".contains(c);
        prop_assert!(!name.chars().any(unsafe_char), "{name:?}");
        prop_assert_eq!(files::safe_file_name(&name), name.clone(), "made safe twice differs");
        let _ = files::type_label(&raw);
    }

    #[test]
    fn long_file_names_keep_their_extension(stem in "[a-zé ]{170,300}", ext in "\\.[a-z]{1,5}") {
        let name = files::safe_file_name(&format!("{stem}{ext}"));
        prop_assert!(name.chars().count() <= 180);
        prop_assert!(name.ends_with(&ext));
    }

    #[test]
    fn zip_names_are_unique_and_the_archive_counts_them(names in prop::collection::vec(text(), 0..12)) {
        let safe: Vec<String> = names.iter().map(|n| files::safe_file_name(n)).collect();
        let unique = zip::unique_names(safe.iter().map(String::as_str));
        prop_assert_eq!(unique.len(), safe.len());
        for (i, a) in unique.iter().enumerate() {
            prop_assert!(!unique[i + 1..].iter().any(|b| b.eq_ignore_ascii_case(a)), "{a} twice in {unique:?}");
        }
        let entries: Vec<(String, Vec<u8>)> = unique.iter().map(|n| (n.clone(), n.as_bytes().to_vec())).collect();
        let archive = zip::store(&entries).unwrap();
        // the end-of-central-directory record: signature, then the entry count at offset 10
        let eocd = archive.len() - 22;
        prop_assert_eq!(&archive[eocd..eocd + 4], b"PK\x05\x06");
        prop_assert_eq!(u16::from_le_bytes([archive[eocd + 10], archive[eocd + 11]]) as usize, entries.len());
    }

    #[test]
    fn sizes_and_durations_format_any_number(bytes in any::<u64>(), secs in any::<i64>()) {
        let s = files::size(bytes, ',');
        prop_assert!(s.ends_with("bytes") || s.ends_with("byte") || s.ends_with("KB") || s.ends_with("MB") || s.ends_with("GB"));
        // hh:mm:ss reads back to the same number of seconds
        let d = format::duration(secs);
        let (neg, body) = d.strip_prefix('-').map_or((false, d.as_str()), |b| (true, b));
        let parts: Vec<u64> = body.split(':').map(|p| p.parse().unwrap()).collect();
        prop_assert_eq!(parts.len(), 3);
        prop_assert!(parts[1] < 60 && parts[2] < 60);
        let total = parts[0] as u128 * 3600 + parts[1] as u128 * 60 + parts[2] as u128;
        prop_assert_eq!(total, secs.unsigned_abs() as u128);
        prop_assert_eq!(neg, secs < 0);
    }

    #[test]
    fn any_timestamp_formats_or_says_it_cannot(ms in any::<i64>(), offset_min in -1439i32..1440) {
        let tz = FixedOffset::east_opt(offset_min * 60).unwrap();
        if let Some(s) = format::datetime(ms, &tz) {
            // dd/mm/aaaa HH:mm for any year chrono represents
            prop_assert!(s.len() >= 16, "{s}");
            prop_assert_eq!(s.as_bytes()[2], b'/');
            prop_assert_eq!(s.as_bytes()[5], b'/');
        }
        let _ = (format::date(ms, &tz), format::time(ms, &tz));
    }

    /// Any typed text is no date only when blank, and a date that parses reads back as itself;
    /// a written year, month and day parse exactly when the calendar has that day, and are
    /// refused otherwise (30 February, month 13, day 0). Break it names: a parser that accepts
    /// day 31 of every month, or rolls 30/02 over into March, fails here.
    #[test]
    fn typed_dates_parse_or_are_refused(raw in text(), y in 1900i32..2200, m in 0u32..14, d in 0u32..33) {
        match calls::parse_date(&raw) {
            Ok(None) => prop_assert!(raw.trim().is_empty(), "{raw:?} read as no date"),
            Ok(Some(day)) => {
                let again = calls::parse_date(&day.format("%Y-%m-%d").to_string());
                prop_assert_eq!(again, Ok(Some(day)));
            }
            Err(_) => prop_assert!(!raw.trim().is_empty()),
        }
        let typed = format!("{y:04}-{m:02}-{d:02}");
        match NaiveDate::from_ymd_opt(y, m, d) {
            Some(day) => prop_assert_eq!(calls::parse_date(&typed), Ok(Some(day))),
            None => prop_assert_eq!(calls::parse_date(&typed), Err(calls::InvalidDate), "{} accepted", typed),
        }
    }

    #[test]
    fn filters_survive_the_url(pairs in pairs()) {
        let h = HistoryFilter::from_query(&pairs, "h_");
        prop_assert_eq!(HistoryFilter::from_query(&h.to_query("h_"), "h_"), h);
        let l = calls::CallFilter::from_query(&pairs, "l_");
        prop_assert_eq!(calls::CallFilter::from_query(&l.to_query("l_"), "l_"), l);
        let c = CustomerFilter::from_query(&pairs, "c_");
        prop_assert_eq!(CustomerFilter::from_query(&c.to_query("c_"), "c_"), c);
    }

    #[test]
    fn the_window_stays_inside_the_list(n in 0usize..100_000, row_h in -10.0f64..80.0, top in prop::num::f64::ANY,
                                        view_h in prop::num::f64::ANY, tall in prop::option::of(0usize..100)) {
        let w = window(n, row_h, |i| if Some(i) == tall { 120.0 } else { 0.0 }, top, view_h, tall.is_some() && n < 5_000);
        prop_assert!(w.start <= w.end && w.end <= n, "{w:?} of {n}");
        prop_assert!(w.pad_top >= 0.0 && w.pad_bottom >= 0.0);
        if n > 0 && row_h > 0.0 && top.is_finite() && top >= 0.0 && top < n as f64 * row_h && tall.is_none() {
            // the row at the top of the viewport is rendered
            let first = (top / row_h) as usize;
            prop_assert!(w.start <= first && first < w.end, "{w:?}, row {first}");
        }
    }

    /// The event stream arrives in chunks that end anywhere: however the same stream is cut, the
    /// parser gives back exactly the events encoded, in order, with their ids (line breaks in the
    /// data come back as `\n`, the framing's only one).
    #[test]
    fn an_event_stream_parses_the_same_however_it_is_cut(
        events in prop::collection::vec(("[0-9]{1,6}", "[a-z_]{1,12}", text()), 0..12),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
        heartbeats in any::<bool>(),
    ) {
        let mut stream = String::new();
        for (id, name, data) in &events {
            stream.push_str(&sse::encode(Some(id), name, data));
            if heartbeats {
                stream.push_str(sse::HEARTBEAT);
            }
        }
        let boundaries: Vec<usize> = (0..=stream.len()).filter(|&i| stream.is_char_boundary(i)).collect();
        let mut points: Vec<usize> = cuts.iter().map(|c| boundaries[c.index(boundaries.len())]).collect();
        points.sort_unstable();
        let mut parser = sse::SseParser::new();
        let mut got = Vec::new();
        let mut from = 0;
        for p in points.into_iter().chain([stream.len()]) {
            got.extend(parser.feed(&stream[from..p]).into_iter().filter_map(|i| match i {
                sse::SseItem::Event(e) => Some((e.id.unwrap_or_default(), e.event, e.data)),
                _ => None,
            }));
            from = p;
        }
        let want: Vec<(String, String, String)> = events
            .iter()
            .map(|(id, name, data)| (id.clone(), name.clone(), data.replace("\r\n", "\n").replace('\r', "\n")))
            .collect();
        prop_assert_eq!(got, want);
    }
}
