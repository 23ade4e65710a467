@main
struct IngestMain {
    static func main() { print("not yet built") }
}
