//! An enum's codes, declared once: the text each variant has in files, the database and on the
//! command line, and the way back. Serde writes the same text (its `rename_all` agrees, and
//! `tests` below checks every enum), so a code is never spelled in two places.

/// Declares an enum with the code of each variant beside it:
///
/// ```text
/// codes! {
///     #[derive(…)]
///     pub enum Status {
///         Draft => "draft",
///         Final => "final",
///     }
/// }
/// ```
///
/// and gives `Status::ALL` (in this order), `code()` and `from_code()`.
macro_rules! codes {
    (
        $(#[$meta:meta])*
        $vis:vis enum $type:ident {
            $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $type {
            $($(#[$vmeta])* $variant),+
        }

        impl $type {
            pub const ALL: [$type; [$($code),+].len()] = [$($type::$variant),+];

            /// The code used in files and the database.
            pub fn code(self) -> &'static str {
                match self {
                    $($type::$variant => $code),+
                }
            }

            /// The variant of a code; `None` for any other text.
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($type::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

pub(crate) use codes;

#[cfg(test)]
mod tests {
    use super::super::establishment::{BrightKitchen, EstablishmentKind, RiskGrade};
    use super::super::establishment_merge::Fact;
    use super::super::inspection::{InspectionKind, Status};
    use super::super::outcome::{Handling, Outcome, Verdict};

    /// Serde and the codes agree for every variant, and every code reads back.
    fn agree<T: serde::Serialize + Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        code: fn(T) -> &'static str,
        from_code: fn(&str) -> Option<T>,
    ) {
        for &v in all {
            assert_eq!(serde_json::to_value(v).unwrap(), code(v), "{v:?}");
            assert_eq!(from_code(code(v)), Some(v));
        }
    }

    #[test]
    fn serde_writes_the_codes() {
        agree(&Verdict::ALL, Verdict::code, Verdict::from_code);
        agree(&Outcome::ALL, Outcome::code, Outcome::from_code);
        agree(&Handling::ALL, Handling::code, Handling::from_code);
        agree(&Status::ALL, Status::code, Status::from_code);
        agree(
            &InspectionKind::ALL,
            InspectionKind::code,
            InspectionKind::from_code,
        );
        agree(
            &EstablishmentKind::ALL,
            EstablishmentKind::code,
            EstablishmentKind::from_code,
        );
        agree(&RiskGrade::ALL, RiskGrade::code, RiskGrade::from_code);
        agree(
            &BrightKitchen::ALL,
            BrightKitchen::code,
            BrightKitchen::from_code,
        );
        agree(&Fact::ALL, Fact::code, Fact::from_code);
    }
}
