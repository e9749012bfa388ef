using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Shizhu.Notifications.Sending;

namespace Shizhu.Notifications.Outbound.Sms;

/// <summary>
/// Alibaba Cloud SMS (阿里云短信服务), the RPC API <c>SendSms</c> of dysmsapi version 2017-05-25: a form-encoded POST to
/// <c>/</c> whose parameters are signed with HMAC-SHA1 (signature version 1.0): the parameters sorted by name, each name
/// and value percent-encoded per RFC 3986, joined with &amp;; <c>POST&amp;%2F&amp;</c> + that string encoded once more; the key
/// is the AccessKey secret followed by &amp;.
/// </summary>
public sealed class AliyunSmsGateway(HttpClient http, IOptions<SmsOptions> options, TimeProvider clock) : ISmsGateway
{
    public const string GatewayName = "Aliyun";

    public string Name => GatewayName;

    public async Task<SendResult> SendAsync(SmsRequest sms, CancellationToken ct)
    {
        var o = options.Value;
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccessKeyId"] = o.AccessKeyId!,
            ["Action"] = "SendSms",
            ["Format"] = "JSON",
            ["OutId"] = sms.OutId,
            ["PhoneNumbers"] = sms.Mobile,
            ["RegionId"] = o.RegionId,
            ["SignName"] = sms.SignName,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["SignatureVersion"] = "1.0",
            ["TemplateCode"] = sms.TemplateCode,
            ["TemplateParam"] = TemplateParam(sms.Parameters),
            ["Timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["Version"] = "2017-05-25",
        };
        parameters["Signature"] = Signature("POST", parameters, o.AccessKeySecret!);

        using var request = new HttpRequestMessage(HttpMethod.Post, "")
        {
            Content = new StringContent(Canonical(parameters), Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        var reply = await ProviderCall.SendAsync(http, request, ct);
        if (reply.String("Code") is { } code)
            return Classify(code, reply.Raw);
        return reply.Failure ?? SendResult.Permanent($"no Code in the answer: {reply.Raw}");
    }

    /// <summary>The signature of a parameter set (without <c>Signature</c>), as the gateway recomputes it.</summary>
    public static string Signature(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        var canonical = Canonical(parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal));
        var toSign = $"{method}&{Encode("/")}&{Encode(canonical)}";
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(toSign));
        return Convert.ToBase64String(mac);
    }

    static string Canonical(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));

    /// <summary>RFC 3986 percent-encoding (space as %20, * as %2A, ~ kept), which <see cref="Uri.EscapeDataString"/> does.</summary>
    static string Encode(string value) => Uri.EscapeDataString(value);

    static string TemplateParam(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in parameters)
                json.WriteString(name, value);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// OK is sent. Flow control (isv.BUSINESS_LIMIT_CONTROL: a number's per-minute/hour/day limit), throttling, the
    /// provider's own faults and an empty balance pass with time; a bad number, template, sign name, parameter or
    /// credential does not.
    /// </summary>
    public static SendResult Classify(string code, string answer) => code switch
    {
        "OK" => SendResult.Sent(answer),
        "isv.BUSINESS_LIMIT_CONTROL" => SendResult.Transient(answer, TimeSpan.FromMinutes(1)),
        "isv.AMOUNT_NOT_ENOUGH" or "isv.OUT_OF_SERVICE" or "isp.SYSTEM_ERROR" or "ServiceUnavailable"
            or "InternalError" or "SignatureNonceUsed" => SendResult.Transient(answer),
        _ when code.StartsWith("Throttling", StringComparison.Ordinal) => SendResult.Transient(answer, TimeSpan.FromSeconds(30)),
        _ => SendResult.Permanent(answer),
    };
}
