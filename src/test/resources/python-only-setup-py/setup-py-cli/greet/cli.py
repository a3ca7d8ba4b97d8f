import argparse


def main():
    parser = argparse.ArgumentParser(description="Prints a greeting.")
    parser.add_argument("name", nargs="?", default="world")
    print(f"hello, {parser.parse_args().name}")


if __name__ == "__main__":
    main()
