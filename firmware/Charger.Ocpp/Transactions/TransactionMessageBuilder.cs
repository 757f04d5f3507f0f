using Charger.Ocpp.Authorization;
using Charger.Ocpp.Json;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Writes TransactionEventRequest and MeterValuesRequest payloads (OCPP 2.0.1 E01-E15, J01-J02)
    /// with the shared streaming writer, numbers formatted explicitly. Optional members are left
    /// out rather than written empty, as the official schemas want.
    /// </summary>
    public sealed class TransactionMessageBuilder
    {
        // Enough for an Ended event with a full sample buffer of four measurands on three phases.
        private const int MaxPayloadChars = 16384;
        private const int MaxDepth = 8;

        // Volts, amperes and watts with one decimal: the resolution of the meters we profile.
        private const int FractionDigits = 1;

        /// <summary>
        /// Largest magnitude a sampled value is reported with. Far above any meter (1e12 W, A or V), and far
        /// below what the writer can format exactly (4e18); anything larger, NaN or infinite is left out of
        /// the message rather than throwing halfway through an event (issue 13: a measurand of 4e18 lost
        /// TransactionEvents with their sequence numbers).
        /// </summary>
        public const double MaxReportedMagnitude = 1e12;

        private readonly JsonWriter _writer = new JsonWriter(MaxDepth, MaxPayloadChars);

        /// <param name="chargingState">transactionInfo.chargingState; ignored when <paramref name="withChargingState"/> is false.</param>
        /// <param name="stoppedReason">transactionInfo.stoppedReason (Ended only), or null.</param>
        /// <param name="remoteStartId">transactionInfo.remoteStartId, or -1.</param>
        /// <param name="token">idToken to report in this event, or null.</param>
        public string TransactionEvent(TransactionEventType eventType, long timestampUtcMs, string triggerReason, int seqNo, bool offline,
            string transactionId, bool withChargingState, ChargingState chargingState, string stoppedReason, int remoteStartId,
            IdToken token, int evseId, int connectorId, MeterSampleBuffer samples)
        {
            JsonWriter w = _writer;
            w.Reset();
            w.BeginObject();
            w.Property("eventType", EventTypeName(eventType));
            w.Name("timestamp");
            w.DateTimeUtc(EpochTime.FromUtcMs(timestampUtcMs));
            w.Property("triggerReason", triggerReason);
            w.Property("seqNo", seqNo);
            if (offline)
            {
                w.Property("offline", true);
            }

            w.Name("transactionInfo");
            w.BeginObject();
            w.Property("transactionId", transactionId);
            if (withChargingState)
            {
                w.Property("chargingState", ChargingStateText.Of(chargingState));
            }

            w.OptionalProperty("stoppedReason", stoppedReason);
            if (remoteStartId >= 0)
            {
                w.Property("remoteStartId", remoteStartId);
            }

            w.EndObject();
            if (token != null)
            {
                WriteIdToken(w, "idToken", token);
            }

            if (evseId > 0)
            {
                w.Name("evse");
                w.BeginObject();
                w.Property("id", evseId);
                if (connectorId > 0)
                {
                    w.Property("connectorId", connectorId);
                }

                w.EndObject();
            }

            if (samples != null && HasWritableSample(samples))
            {
                w.Name("meterValue");
                WriteMeterValues(w, samples);
            }

            w.EndObject();
            return w.ToString();
        }

        /// <summary>
        /// MeterValuesRequest (J01) for an EVSE outside a transaction (or triggered); null when no sample holds
        /// a value that can be reported (the schema needs at least one sampled value).
        /// </summary>
        public string MeterValues(int evseId, MeterSampleBuffer samples)
        {
            if (samples == null || !HasWritableSample(samples))
            {
                return null;
            }

            JsonWriter w = _writer;
            w.Reset();
            w.BeginObject();
            w.Property("evseId", evseId);
            w.Name("meterValue");
            WriteMeterValues(w, samples);
            w.EndObject();
            return w.ToString();
        }

        /// <summary>An AuthorizeRequest (C01) for one token.</summary>
        public string Authorize(IdToken token)
        {
            JsonWriter w = _writer;
            w.Reset();
            w.BeginObject();
            WriteIdToken(w, "idToken", token);
            w.EndObject();
            return w.ToString();
        }

        public static string EventTypeName(TransactionEventType eventType)
        {
            switch (eventType)
            {
                case TransactionEventType.Started: return "Started";
                case TransactionEventType.Ended: return "Ended";
                default: return "Updated";
            }
        }

        private static void WriteIdToken(JsonWriter w, string name, IdToken token)
        {
            w.Name(name);
            w.BeginObject();
            w.Property("idToken", token.Value);
            w.Property("type", IdToken.TypeName(token.Type));
            w.EndObject();
        }

        /// <summary>Whether <paramref name="value"/> can go on the wire as a sampled value.</summary>
        public static bool IsReportable(double value)
        {
            // NaN fails both comparisons.
            return value >= -MaxReportedMagnitude && value <= MaxReportedMagnitude;
        }

        private static bool HasWritableSample(MeterSampleBuffer samples)
        {
            for (int i = 0; i < samples.Count; i++)
            {
                if (CountWritable(samples.ReadingAt(i), samples.MeasurandsAt(i)) > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static int CountWritable(MeterReading r, int measurands)
        {
            int n = 0;
            if ((measurands & Measurands.EnergyActiveImportRegister) != 0 && r.EnergyWh >= 0 && r.EnergyWh <= MaxReportedMagnitude)
            {
                n++;
            }

            if ((measurands & Measurands.PowerActiveImport) != 0 && r.HasPower && IsReportable(r.PowerW))
            {
                n++;
            }

            if ((measurands & Measurands.CurrentOffered) != 0 && r.HasOffered && IsReportable(r.OfferedA))
            {
                n++;
            }

            for (int p = 0; p < r.Phases; p++)
            {
                if ((measurands & Measurands.CurrentImport) != 0 && IsReportable(r.CurrentA[p]))
                {
                    n++;
                }

                if ((measurands & Measurands.Voltage) != 0 && IsReportable(r.VoltageV[p]))
                {
                    n++;
                }
            }

            return n;
        }

        private static void WriteMeterValues(JsonWriter w, MeterSampleBuffer samples)
        {
            w.BeginArray();
            for (int i = 0; i < samples.Count; i++)
            {
                MeterReading r = samples.ReadingAt(i);
                int measurands = samples.MeasurandsAt(i);
                string context = samples.ContextAt(i);

                // sampledValue needs at least one item: a sample with nothing reportable is left out.
                if (CountWritable(r, measurands) == 0)
                {
                    continue;
                }

                w.BeginObject();
                w.Name("timestamp");
                w.DateTimeUtc(EpochTime.FromUtcMs(samples.UtcMsAt(i)));
                w.Name("sampledValue");
                w.BeginArray();
                if ((measurands & Measurands.EnergyActiveImportRegister) != 0 && r.EnergyWh >= 0 && r.EnergyWh <= MaxReportedMagnitude)
                {
                    BeginSample(w, context, Measurands.EnergyName, null);
                    w.Name("value");
                    w.Integer(r.EnergyWh);
                    EndSample(w, "Wh");
                }

                if ((measurands & Measurands.PowerActiveImport) != 0 && r.HasPower && IsReportable(r.PowerW))
                {
                    BeginSample(w, context, Measurands.PowerName, null);
                    w.Name("value");
                    w.Decimal(r.PowerW, FractionDigits);
                    EndSample(w, "W");
                }

                if ((measurands & Measurands.CurrentOffered) != 0 && r.HasOffered && IsReportable(r.OfferedA))
                {
                    BeginSample(w, context, Measurands.CurrentOfferedName, null);
                    w.Name("value");
                    w.Decimal(r.OfferedA, FractionDigits);
                    EndSample(w, "A");
                }

                for (int p = 0; p < r.Phases; p++)
                {
                    if ((measurands & Measurands.CurrentImport) != 0 && IsReportable(r.CurrentA[p]))
                    {
                        BeginSample(w, context, Measurands.CurrentName, CurrentPhase(p));
                        w.Name("value");
                        w.Decimal(r.CurrentA[p], FractionDigits);
                        EndSample(w, "A");
                    }

                    if ((measurands & Measurands.Voltage) != 0 && IsReportable(r.VoltageV[p]))
                    {
                        BeginSample(w, context, Measurands.VoltageName, VoltagePhase(p));
                        w.Name("value");
                        w.Decimal(r.VoltageV[p], FractionDigits);
                        EndSample(w, "V");
                    }
                }

                w.EndArray();
                w.EndObject();
            }

            w.EndArray();
        }

        private static void BeginSample(JsonWriter w, string context, string measurand, string phase)
        {
            w.BeginObject();
            w.Property("context", context);
            w.Property("measurand", measurand);
            w.OptionalProperty("phase", phase);
        }

        private static void EndSample(JsonWriter w, string unit)
        {
            w.Name("unitOfMeasure");
            w.BeginObject();
            w.Property("unit", unit);
            w.EndObject();
            w.EndObject();
        }

        private static string CurrentPhase(int index)
        {
            return index == 0 ? "L1" : index == 1 ? "L2" : "L3";
        }

        private static string VoltagePhase(int index)
        {
            return index == 0 ? "L1-N" : index == 1 ? "L2-N" : "L3-N";
        }
    }
}
