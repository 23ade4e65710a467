@main
struct AnomalyMain {
    static func main() { print("not yet built") }
}
