using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NfGate.Analyzer
{
    /// <summary>
    /// NF1016: an enum value turned into text. On nanoFramework 1.x (CoreLibrary 1.17.11) Enum.ToString
    /// returns the number, and every implicit conversion to text goes through it: string concatenation,
    /// interpolation holes, string.Format / string.Concat / StringBuilder.Append(object) arguments.
    /// Desktop .NET prints the name, so no desktop test sees the difference; this rule does.
    /// Works on the bound operation tree, so it sees the enum type under the boxing conversion the
    /// compiler inserts. Casting to int (an enumeration conversion, not boxing) is left alone.
    /// </summary>
    internal static class EnumToTextRule
    {
        public static void Register(AnalysisContext context)
        {
            context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(AnalyzeBinary, OperationKind.Binary);
            context.RegisterOperationAction(AnalyzeCompoundAssignment, OperationKind.CompoundAssignment);
            context.RegisterOperationAction(AnalyzeInterpolation, OperationKind.Interpolation);
        }

        // e.ToString(), e.ToString(format) and Enum-typed receivers; string.Format(..., e),
        // string.Concat(e, ...), sb.Append(e), sb.AppendFormat(..., e), Console/Debug.Write(e), Convert.ToString(e).
        private static void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (method.Name == "ToString")
            {
                ITypeSymbol receiver = invocation.Instance == null ? null : UnderBoxing(invocation.Instance).Type;
                if (IsEnum(receiver) || IsEnum(method.ContainingType))
                {
                    ITypeSymbol shown = IsEnum(receiver) ? receiver : method.ContainingType;
                    Report(context, invocation.Syntax.GetLocation(), "ToString()", shown);
                    return;
                }
            }

            if (!IsFormattingMethod(method))
            {
                return;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                ITypeSymbol parameterType = argument.Parameter == null ? null : argument.Parameter.Type;
                if (IsObject(parameterType))
                {
                    CheckValue(context, argument.Value, method);
                }
                else if (parameterType is IArrayTypeSymbol array && IsObject(array.ElementType))
                {
                    // params object[]: the compiler wraps the listed arguments in an array creation.
                    if (argument.Value is IArrayCreationOperation creation && creation.Initializer != null)
                    {
                        foreach (IOperation element in creation.Initializer.ElementValues)
                        {
                            CheckValue(context, element, method);
                        }
                    }
                }
            }
        }

        private static void CheckValue(OperationAnalysisContext context, IOperation value, IMethodSymbol method)
        {
            ITypeSymbol type = UnderBoxing(value).Type;
            if (IsEnum(type))
            {
                Report(context, value.Syntax.GetLocation(), "passing it to " + method.ContainingType.Name + "." + method.Name, type);
            }
        }

        private static bool IsFormattingMethod(IMethodSymbol method)
        {
            INamedTypeSymbol type = method.ContainingType;
            if (type == null)
            {
                return false;
            }

            // Namespace + name: ToDisplayString would say "string" for System.String.
            string name = type.ContainingNamespace == null ? type.Name : type.ContainingNamespace.ToDisplayString() + "." + type.Name;
            switch (name)
            {
                case "System.String":
                    return method.Name == "Format" || method.Name == "Concat";
                case "System.Text.StringBuilder":
                    return method.Name == "Append" || method.Name == "AppendFormat" || method.Name == "Insert";
                case "System.Convert":
                    return method.Name == "ToString";
                case "System.Console":
                case "System.Diagnostics.Debug":
                case "System.Diagnostics.Trace":
                case "System.IO.TextWriter":
                case "System.IO.StreamWriter":
                    return method.Name.StartsWith("Write", System.StringComparison.Ordinal) || method.Name == "Print";
                default:
                    return false;
            }
        }

        // "text" + e, e + "text"
        private static void AnalyzeBinary(OperationAnalysisContext context)
        {
            var binary = (IBinaryOperation)context.Operation;
            if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type == null || binary.Type.SpecialType != SpecialType.System_String)
            {
                return;
            }

            CheckOperand(context, binary.LeftOperand);
            CheckOperand(context, binary.RightOperand);
        }

        // text += e
        private static void AnalyzeCompoundAssignment(OperationAnalysisContext context)
        {
            var assignment = (ICompoundAssignmentOperation)context.Operation;
            if (assignment.OperatorKind != BinaryOperatorKind.Add || assignment.Target.Type == null
                || assignment.Target.Type.SpecialType != SpecialType.System_String)
            {
                return;
            }

            CheckOperand(context, assignment.Value);
        }

        private static void CheckOperand(OperationAnalysisContext context, IOperation operand)
        {
            ITypeSymbol type = UnderBoxing(operand).Type;
            if (IsEnum(type))
            {
                Report(context, operand.Syntax.GetLocation(), "string concatenation", type);
            }
        }

        // $"...{e}..."
        private static void AnalyzeInterpolation(OperationAnalysisContext context)
        {
            var hole = (IInterpolationOperation)context.Operation;
            ITypeSymbol type = UnderBoxing(hole.Expression).Type;
            if (IsEnum(type))
            {
                Report(context, hole.Expression.Syntax.GetLocation(), "an interpolation hole", type);
            }
        }

        /// <summary>The operand under conversions to reference types (boxing to object, Enum, ValueType or an interface, and Enum to object), implicit or written as a cast.</summary>
        private static IOperation UnderBoxing(IOperation operation)
        {
            while (operation is IConversionOperation conversion && conversion.Type != null && conversion.Type.IsReferenceType
                && conversion.Operand.Type != null)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static bool IsEnum(ITypeSymbol type)
        {
            return type != null && (type.TypeKind == TypeKind.Enum || type.SpecialType == SpecialType.System_Enum);
        }

        private static bool IsObject(ITypeSymbol type)
        {
            return type != null && type.SpecialType == SpecialType.System_Object;
        }

        private static void Report(OperationAnalysisContext context, Location location, string how, ITypeSymbol enumType)
        {
            string name = enumType.SpecialType == SpecialType.System_Enum ? "System.Enum" : enumType.Name;
            string table = enumType.SpecialType == SpecialType.System_Enum ? "TheEnumText" : enumType.Name + "Text";
            context.ReportDiagnostic(Diagnostic.Create(NfRules.EnumToText, location, how, name, table));
        }
    }
}
