/** A value a text template interpolates as is (a date, a number, a code). */
export type TextValue = string | number | undefined;
