//! serde's English explanations of a wrong value in a file, in Chinese, for the messages of
//! [`crate::draft::DraftError::Field`], [`crate::check::CheckError::BundleField`],
//! [`crate::signing::VerifyFailure::Field`] and [`crate::signing::KeyFileError::Field`].

/// serde's English explanation of a wrong value, in Chinese; a reason it does not recognise (such as the
/// Chinese messages of amounts and months) is returned as it is.
pub(crate) fn in_chinese(reason: &str) -> String {
    let reason = reason.split(" at line ").next().unwrap_or(reason);
    if let Some(rest) = reason.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let hint = if expected == "a string" && (found.starts_with("integer") || found.starts_with("floating")) {
            "（金额、日期和年月都写成带引号的字符串，如 \"2500\"）"
        } else {
            ""
        };
        return format!("应为{}，而不是{}{hint}", expected_in_chinese(expected), found_in_chinese(found));
    }
    if let Some(rest) = reason.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!("{} 无效，应为{}", found_in_chinese(found), expected_in_chinese(expected));
    }
    if let Some(rest) = reason.strip_prefix("unknown variant ")
        && let Some((found, expected)) = rest.split_once(", expected one of ")
    {
        let choices: Vec<&str> = expected.split(", ").map(|choice| choice.trim_matches('`')).collect();
        return format!("{} 不是可选的值，应为以下之一：{}", found.trim_matches('`'), choices.join("、"));
    }
    if let Some(field) = reason.strip_prefix("missing field ") {
        return format!("缺少必填的成员 {}", field.trim_matches('`'));
    }
    match reason {
        "input contains invalid characters"
        | "premature end of input"
        | "trailing input"
        | "input is out of range"
        | "input is not enough for unique date and time"
        | "no possible date and time matching input" => {
            "日期或时间无效，日期写作 YYYY-MM-DD（如 \"2022-11-25\"），时间写作 RFC 3339（如 \"2022-11-28T16:45:00Z\"）"
                .to_owned()
        }
        other => other.to_owned(),
    }
}

fn found_in_chinese(found: &str) -> String {
    let value = |prefix: &str| found.strip_prefix(prefix).map(|rest| rest.trim_matches('`').to_owned());
    if let Some(number) = value("integer ").or_else(|| value("floating point ")) {
        format!("数字 {number}")
    } else if let Some(flag) = value("boolean ") {
        format!("布尔值 {flag}")
    } else if let Some(text) = found.strip_prefix("string ") {
        format!("字符串 {text}")
    } else {
        match found {
            "null" => "null".to_owned(),
            "map" => "对象".to_owned(),
            "sequence" => "数组".to_owned(),
            other => other.to_owned(),
        }
    }
}

fn expected_in_chinese(expected: &str) -> String {
    match expected {
        "a string" => "字符串".to_owned(),
        "a boolean" => "布尔值 true 或 false".to_owned(),
        "u8" | "u16" | "u32" | "u64" => "不小于 0 的整数".to_owned(),
        "i32" | "i64" => "整数".to_owned(),
        "a sequence" => "数组".to_owned(),
        "a map" => "对象".to_owned(),
        other if other.starts_with("struct ") => "对象".to_owned(),
        other if other.starts_with("enum ") => "可选的值之一".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_reasons_read_in_chinese() {
        assert_eq!(
            in_chinese("invalid type: integer `1000`, expected a string"),
            "应为字符串，而不是数字 1000（金额、日期和年月都写成带引号的字符串，如 \"2500\"）"
        );
        assert_eq!(
            in_chinese("invalid type: string \"是\", expected a boolean"),
            "应为布尔值 true 或 false，而不是字符串 \"是\""
        );
        assert_eq!(in_chinese("invalid value: integer `-1`, expected u32"), "数字 -1 无效，应为不小于 0 的整数");
        assert_eq!(
            in_chinese("unknown variant `north`, expected one of `east`, `central`, `west`"),
            "north 不是可选的值，应为以下之一：east、central、west"
        );
        assert_eq!(in_chinese("missing field `created_at`"), "缺少必填的成员 created_at");
        assert!(in_chinese("input contains invalid characters").starts_with("日期或时间无效"));
        assert_eq!(in_chinese("金额「1e3」无效：含有无效字符「e」"), "金额「1e3」无效：含有无效字符「e」");
    }
}
