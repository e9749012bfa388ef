// An empty ASP.NET Core app with the one route the start-up benchmark polls.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health/ready", () => "Healthy");
app.Run();
