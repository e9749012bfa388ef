using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shizhu.Workflows.Templates;

namespace Shizhu.Workflows.Runtime;

/// <summary>Checks submitted form data against a user task's typed fields; the first problem names its field (<c>data.{key}</c>).</summary>
public static class FormValidator
{
    public static JsonObject? Validate(IReadOnlyList<FormField>? fields, JsonElement? data)
    {
        if (data is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) })
            throw WorkflowException.Invalid("data", "表单数据必须是 JSON 对象。");
        var submitted = data is { ValueKind: JsonValueKind.Object } value ? JsonNode.Parse(value.GetRawText())!.AsObject() : null;
        foreach (var field in fields ?? [])
        {
            var node = submitted?[field.Key];
            if (node is null)
            {
                if (field.Required) throw WorkflowException.Invalid($"data.{field.Key}", $"请填写“{field.Label}”。");
                continue;
            }
            Check(field, node);
        }
        return submitted;
    }

    private static void Check(FormField field, JsonNode node)
    {
        var name = $"data.{field.Key}";
        var kind = node.GetValueKind();
        switch (field.Type)
        {
            case "number":
                if (kind != JsonValueKind.Number) throw WorkflowException.Invalid(name, $"“{field.Label}”必须是数字。");
                var number = node.GetValue<decimal>();
                if (field.Min is { } min && number < min) throw WorkflowException.Invalid(name, $"“{field.Label}”不能小于 {min}。");
                if (field.Max is { } max && number > max) throw WorkflowException.Invalid(name, $"“{field.Label}”不能大于 {max}。");
                break;
            case "boolean":
                if (kind is not (JsonValueKind.True or JsonValueKind.False)) throw WorkflowException.Invalid(name, $"“{field.Label}”必须是是或否。");
                break;
            case "date":
                if (kind != JsonValueKind.String || !DateOnly.TryParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    throw WorkflowException.Invalid(name, $"“{field.Label}”必须是 yyyy-MM-dd 格式的日期。");
                break;
            case "select":
                if (kind != JsonValueKind.String || !(field.Options ?? []).Contains(node.GetValue<string>()))
                    throw WorkflowException.Invalid(name, $"“{field.Label}”必须是以下之一：{string.Join("、", field.Options ?? [])}。");
                break;
            default:
                if (kind != JsonValueKind.String) throw WorkflowException.Invalid(name, $"“{field.Label}”必须是文字。");
                if (field.MaxLength is { } length && node.GetValue<string>().Length > length)
                    throw WorkflowException.Invalid(name, $"“{field.Label}”不能超过 {length} 字。");
                if (field.Required && string.IsNullOrWhiteSpace(node.GetValue<string>()))
                    throw WorkflowException.Invalid(name, $"请填写“{field.Label}”。");
                break;
        }
    }
}
