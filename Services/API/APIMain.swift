@main
struct APIMain {
    static func main() { print("not yet built") }
}
