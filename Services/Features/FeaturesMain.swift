@main
struct FeaturesMain {
    static func main() { print("not yet built") }
}
