use super::js_text::number_text;
use super::*;

fn parse(text: &str) -> Result<String, Failure> {
    parse_object(&units(text))?.to_json()
}

#[test]
fn numbers_are_written_as_javascript_writes_them() {
    // Expected spellings: String(+token) in Node 20.
    let cases = [
        ("1e21", "1e+21"),
        ("1E+21", "1e+21"),
        ("100000000000000000000", "100000000000000000000"),
        ("1.5e-7", "1.5e-7"),
        ("0.0000001", "1e-7"),
        ("0.000001", "0.000001"),
        ("-0", "0"),
        ("0.000e5", "0"),
        ("1e-400", "0"),
        ("1e400", "Infinity"),
        ("-12.50", "-12.5"),
        ("123.456e1", "1234.56"),
        ("0.1", "0.1"),
        ("1e5", "100000"),
        ("123456789012345e-20", "0.00000123456789012345"),
    ];
    for (token, expected) in cases {
        let value = token.parse::<f64>().unwrap_or(f64::NAN);
        assert_eq!(
            number_text(value, token).as_deref(),
            Ok(expected),
            "{token}"
        );
    }
    // 16 or more significant digits, or subnormal: refused rather than guessed.
    for token in [
        "123456789012345678",
        "2.2250738585072014e-308",
        "5e-324",
        "0.1000000000000000055",
    ] {
        let value = token.parse::<f64>().unwrap_or(f64::NAN);
        assert!(number_text(value, token).is_err(), "{token}");
    }
}

#[test]
fn the_lenient_parser_reads_what_json_sans_eval_reads() {
    // Each expected text is JSON.stringify(jsonParse(text)) from jsrsasign 11.1.5 in Node.
    assert_eq!(
        parse(r#"{"typ" "JWT",}"#).as_deref(),
        Ok(r#"{"typ":"JWT"}"#)
    );
    assert_eq!(
        parse(r#"{"a" 1 2}"#).as_deref(),
        Ok(r#"{"a":1,"undefined":2}"#)
    );
    assert_eq!(parse(r#"1 {"0"} {}"#).as_deref(), Ok("{}"));
    assert_eq!(parse(r#"{}}"a""#).as_deref(), Ok("{}"));
    assert_eq!(
        parse(r#"{"b":1,"2":3,"a":4,"1":5,"4294967295":6}"#).as_deref(),
        Ok(r#"{"1":5,"2":3,"b":1,"a":4,"4294967295":6}"#)
    );
    assert_eq!(
        parse(r#"{"x":[1e400,-0,1.50]}"#).as_deref(),
        Ok(r#"{"x":[null,0,1.5]}"#)
    );
    assert_eq!(
        parse(r#"{"x":"\ud800"}"#).as_deref(),
        Ok(r#"{"x":"\ud800"}"#)
    );
    assert_eq!(
        parse(r#"{"n":-1.5a 12x 7}"#).as_deref(),
        Ok(r#"{"n":-1,"undefined":7}"#)
    );
    assert_eq!(
        parse(r#"{"l":[{"length"} 3]}"#).as_deref(),
        Ok(r#"{"l":[{},null,null]}"#)
    );
    assert_eq!(
        parse(r#"{"l":[{"length"} " 0x2 "]}"#).as_deref(),
        Ok(r#"{"l":[{},null]}"#)
    );
    assert_eq!(
        parse(r#"{"l":[{"length"} []]}"#).as_deref(),
        Ok(r#"{"l":[]}"#)
    );
    assert_eq!(
        parse(r#"{"length":[1,[2,null]],5}"#).as_deref(),
        Ok(r#"{"length":[1,[2,null]],"1,2,":5}"#)
    );
    assert_eq!(
        parse(r#"{"length":{},5}"#).as_deref(),
        Ok(r#"{"length":{},"[object Object]":5}"#)
    );
    assert_eq!(
        parse(r#"{"length":{"toString":1},5}"#),
        Err(Failure::Throws)
    );
    assert_eq!(parse(r#"{"l":[{"length"} {}]}"#), Err(Failure::Throws));
    assert_eq!(
        parse(r#"{"l":[{"length"} "3"] }"#).as_deref(),
        Ok(r#"{"l":[{},null,null]}"#)
    );
    assert_eq!(
        parse(r#"{"length":"k",5}"#).as_deref(),
        Ok(r#"{"length":"k","k":5}"#)
    );
    assert_eq!(parse(r#"["a"]"#), Err(Failure::Throws));
    assert_eq!(parse(r#"{"a":1"#), Err(Failure::Throws));
    assert_eq!(parse("null"), Err(Failure::Throws));
    assert_eq!(parse(""), Err(Failure::Throws));
    assert_eq!(parse(r#"{"l":[{"length"} 1.5]}"#), Err(Failure::Throws));
    assert_eq!(
        parse(r#"{"__proto__":{}}"#),
        Err(Failure::Unreproducible("a member named __proto__"))
    );
}

#[test]
fn array_lengths_read_strings_as_number_does() {
    for (text, expected) in [
        (" 3 ", 3.0),
        ("0x10", 16.0),
        ("", 0.0),
        ("1e1", 10.0),
        (".5", 0.5),
    ] {
        assert_eq!(string_to_number(&units(text)), expected, "{text:?}");
    }
    for text in ["abc", "1e", "0x", "- 1", "infinity", "NaN", "."] {
        assert!(string_to_number(&units(text)).is_nan(), "{text:?}");
    }
}
