// Lets WebApplicationFactory<Program> reach the entry point from the integration tests.
public partial class Program;
