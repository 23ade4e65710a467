extension String {
    /// libpq messages end with a newline; errors and logs look better without it.
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last?.isNewline == true { text.removeLast() }
        return String(text)
    }
}
