@main
struct SimMain {
    static func main() { print("not yet built") }
}
