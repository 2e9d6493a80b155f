internal static class Bench
{
    public static int Run(string[] args) => 0;
}
