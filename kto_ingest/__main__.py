from .launcher import run

if __name__ == "__main__":  # not when a spawned worker (Windows, macOS) imports the main module again
    run()
