extension String {
    /// The string padded with spaces to `width` characters, for table columns (longer strings are kept whole).
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
